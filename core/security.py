"""The admin's own content security policy (settings.CONTENT_SECURITY_POLICY_ADMIN)."""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings

ADMIN_PATH_PREFIX = "/admin/"


def is_admin_request(request):
    """The admin's own URLs, and the page previews it shows in an iframe.

    Wagtail renders a preview by passing a dummy request for the page's public path
    through the whole middleware chain (Page.make_preview_request sets `is_dummy`): it
    must get the admin's policy, or `frame-ancestors 'none'` blanks the preview panel.
    """
    return request.path_info.startswith(ADMIN_PATH_PREFIX) or getattr(request, "is_dummy", False)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, which sends the admin policy to the admin and its previews."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and is_admin_request(request):
            admin_policy = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
            return PolicyParts(
                default_config(admin_policy), parts.update, parts.replace, parts.nonce
            )
        return parts
