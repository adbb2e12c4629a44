"""What the network adds to pages of the apps below it, through Wagtail hooks."""

from wagtail import hooks

from network.routes import routes_through


@hooks.register("museum_page_context")
def routes_through_the_museum(museum, request):
    """A museum page lists the routes that stop at it (museum_pages cannot import network)."""
    return {"routes_through": routes_through(museum, request)}
