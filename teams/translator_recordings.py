"""Translators choose their language's recording of each scene and audio-guide track.

wagtail-localize offers a scene's recording to translators as an overridable segment, but
its editor has widgets for pages, images, documents and snippets only: a wagtailmedia
audio item shows as a bare id, with no way to choose one (wagtail-localize 1.14). So a
translation with recordings gets its own form, reached from a message at the top of the
translation editor: one list a recording, offering the audio items the translator may
choose for a page of their language (museum_pages.recordings: their language's recordings
collection, teams/translators.py). It stores the choice as wagtail-localize's segment
override, as the editor would; the translator's next publication of the translation puts
it on the page. wagtail-localize's own address for overrides refuses any other recording.
"""

import json

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.models import Page
from wagtail_localize.models import OverridableSegment, SegmentOverride, Translation
from wagtail_localize.views.edit_translation import edit_override
from wagtailmedia import get_media_model

from museum_pages.recordings import AUDIO_KEY, NO_RECORDING, choosable_recordings
from teams.translation_guard import translation_of_page


def recordings_field(page):
    """The StreamField whose blocks carry a recording (scenes, tracks), or None."""
    return getattr(page.specific_class.base_form_class, "recordings_field", None)


def recording_segments(translation, field):
    """[(overridable segment, block id)] of the source's recordings, in the page's order.
    A block whose French version has no recording has none (wagtail-localize extracts
    only chosen values)."""
    segments = (
        OverridableSegment.objects.filter(
            source_id=translation.source_id,
            context__path__startswith=f"{field}.",
            context__path__endswith=f".{AUDIO_KEY}",
        )
        .select_related("context")
        .order_by("order")
    )
    rows = []
    for segment in segments:
        parts = segment.context.path.split(".")
        if len(parts) == 3:
            rows.append((segment, parts[1]))
    return rows


def editable_translation(user, page):
    """(translation, field) when `user` may choose the recordings of `page`, a translation
    with recordings; else None."""
    field = recordings_field(page)
    if field is None:
        return None
    translation = translation_of_page(page)
    if translation is None or not page.permissions_for_user(user).can_edit():
        return None
    return translation, field


class RecordingsForm(forms.Form):
    """One choice a recording; empty: no recording in this language (the page says so and
    offers the transcript)."""

    def __init__(self, *args, rows, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        for number, (segment, title, source, current) in enumerate(rows, start=1):
            queryset = choices
            if current is not None:  # chosen before (by the network team, say): stays offered
                queryset = (choices | get_media_model().objects.filter(pk=current.pk)).distinct()
            self.fields[f"recording-{segment.pk}"] = forms.ModelChoiceField(
                queryset=queryset.order_by("title"),
                required=False,
                initial=current,
                label=f"{number}. {title}",
                empty_label=_(
                    "Aucun enregistrement dans cette langue (la transcription est proposée)"
                ),
                help_text=french_recording_text(segment, source),
            )


def french_recording_text(segment, source):
    """What the French block has, for reference beside the translator's choice."""
    if source is not None:
        return _("Enregistrement français : %(title)s") % {"title": source.title}
    if segment.data == NO_RECORDING:
        return _("Pas d'enregistrement en français : celui de votre langue sera le seul.")
    return _("L'enregistrement français a été supprimé.")


def recordings_view(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    found = editable_translation(request.user, page)
    if found is None:
        raise PermissionDenied
    translation, field = found
    segments = recording_segments(translation, field)
    if not segments:
        raise Http404
    Media = get_media_model()
    overrides = {
        override.context_id: override.data
        for override in SegmentOverride.objects.filter(
            locale_id=page.locale_id, context_id__in=[s.context_id for s, _id in segments]
        )
    }
    ids = {int(value) for value in overrides.values() if value}
    ids |= {int(s.data) for s, _id in segments if s.data}
    media = Media.objects.in_bulk(ids)
    titles = {block.id: block.value.get("title") for block in getattr(page, field)}
    rows = [
        (
            segment,
            titles.get(block_id) or "",
            media.get(int(segment.data)) if segment.data else None,
            media.get(int(overrides[segment.context_id]))
            if overrides.get(segment.context_id)
            else None,
        )
        for segment, block_id in segments
    ]
    language = page.locale.get_display_name()
    form = RecordingsForm(
        request.POST or None,
        rows=rows,
        choices=choosable_recordings(request.user, page.locale.language_code),
    )
    if request.method == "POST" and form.is_valid():
        for segment, _title, _source, _current in rows:
            chosen = form.cleaned_data[f"recording-{segment.pk}"]
            if chosen is None:
                SegmentOverride.objects.filter(
                    locale_id=page.locale_id, context_id=segment.context_id
                ).delete()
            else:
                SegmentOverride.objects.update_or_create(
                    locale_id=page.locale_id,
                    context_id=segment.context_id,
                    defaults={
                        "data_json": json.dumps(chosen.pk),
                        "last_translated_by": request.user,
                    },
                )
        messages.success(
            request,
            _("Enregistrements choisis : publiez la traduction pour les mettre en ligne."),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "teams/admin/translator_recordings.html",
        {
            "page": page,
            "form": form,
            "language": language,
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
            "upload_url": reverse("wagtailmedia:add", args=["audio"]),
        },
    )


def before_edit_page(request, page):
    """The translation editor says where the page's recordings are chosen."""
    if request.method != "GET":
        return None
    found = editable_translation(request.user, page.specific)
    if found is None or not recording_segments(*found):
        return None
    messages.info(
        request,
        _("Les enregistrements des commentaires audio de cette traduction se choisissent à part."),
        buttons=[
            messages.button(
                reverse("memhisto_translator_recordings", args=[page.pk]),
                _("Choisir les enregistrements"),
            )
        ],
    )
    return None


def guarded_edit_override(request, translation_id, overridable_segment_id):
    """wagtail-localize's override address: a recording may only be one the user may
    choose for a page of that language (its editor never sends one; a hand-made request
    could)."""
    if request.method == "PUT":
        segment = get_object_or_404(
            OverridableSegment.objects.select_related("context", "source"),
            pk=overridable_segment_id,
        )
        if segment.context.path.endswith(f".{AUDIO_KEY}"):
            translation = get_object_or_404(
                Translation.objects.select_related("target_locale"), pk=translation_id
            )
            value = QueryDict(request.body).get("value", "")
            allowed = choosable_recordings(request.user, translation.target_locale.language_code)
            if not value.isdigit() or not allowed.filter(pk=int(value)).exists():
                return JsonResponse(
                    {"error": _("Cet enregistrement ne peut pas être choisi ici.")}, status=403
                )
    return edit_override(
        request, translation_id=translation_id, overridable_segment_id=overridable_segment_id
    )


def urlpatterns():
    return [
        path(
            "translations/page/<int:page_id>/recordings/",
            recordings_view,
            name="memhisto_translator_recordings",
        ),
        path(
            "localize/translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
            guarded_edit_override,
            name="memhisto_guarded_edit_override",
        ),
    ]
