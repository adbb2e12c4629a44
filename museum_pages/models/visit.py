"""VirtualVisitPage: a museum's visit as ordered scenes (360° panoramas or photos)."""

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from core import pictures, transcoding
from core.pages import ContentPage
from museum_pages import recordings
from museum_pages.forms import VirtualVisitPageForm
from museum_pages.visit_blocks import PAGE, PANORAMA, SCENE, ScenesBlock

# Renditions, never the raw upload. Phones' GPUs refuse textures wider than 4096 px; large
# screens get 8192 px when the upload is that wide (Wagtail's width-N never enlarges).
PANORAMA_SMALL = "width-4096|format-jpeg|jpegquality-80"
PANORAMA_LARGE = "width-8192|format-jpeg|jpegquality-80"
# The flat scene pictures (no JavaScript) and the viewer's poster: core.pictures.SCENE.
RENDITION_FILTERS = [PANORAMA_SMALL, PANORAMA_LARGE, *pictures.SCENE.filters]


def scene_anchor(number):
    return f"scene-{number}"


class VirtualVisitPage(ContentPage):
    """A virtual visit of one museum: an ordered list of scenes with their hotspots."""

    scenes = StreamField(
        ScenesBlock(),
        verbose_name=_("scènes"),
        blank=True,
        help_text=_(
            "Dans l'ordre de la visite. L'aperçu montre chaque panorama avec ses points "
            "d'intérêt et la position sous le pointeur."
        ),
    )

    parent_page_types = ["museum_pages.MuseumPage"]
    subpage_types = []
    base_form_class = VirtualVisitPageForm

    search_fields = ContentPage.search_fields + [index.SearchField("scenes")]

    content_panels = ContentPage.content_panels + [FieldPanel("scenes")]

    override_translatable_fields = ContentPage.override_translatable_fields + [
        TranslatableField("scenes"),
    ]

    class Meta:
        verbose_name = _("visite virtuelle")
        verbose_name_plural = _("visites virtuelles")

    def clean(self):
        super().clean()
        count = len(self.scenes)
        for number, scene in enumerate(self.scenes, start=1):
            for hotspot in scene.value["hotspots"]:
                target = hotspot["target_scene"]
                if hotspot["kind"] == SCENE and not (target and 1 <= target <= count):
                    raise ValidationError(
                        {
                            "scenes": _(
                                "Scène %(number)s : « %(label)s » vise une scène qui n'existe pas."
                            )
                            % {"number": number, "label": hotspot["label"]}
                        }
                    )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        scenes = self.visit_scenes(request)
        context["visit_scenes"] = scenes
        context["viewer_config"] = self.viewer_config(scenes, preview=request.is_preview)
        return context

    def pictures_used(self):
        yield from super().pictures_used()
        for block in self.scenes:
            if block.value["image"]:
                yield block.value["image"], tuple(RENDITION_FILTERS)

    def visit_scenes(self, request=None):
        """The scenes ready to render: renditions, hotspots with their targets resolved.

        A fixed number of queries whatever the number of scenes: the StreamField loads
        the images in one query, the recordings in one, their renditions come in one more
        (stored where Wagtail's get_renditions() looks first), the linked pages in one
        query, the source page's recordings in one (when a scene has a commentary): the
        per-language rule of museum_pages.recordings; the recordings' speech-sized copies in
        one.
        """
        values = [block.value for block in self.scenes]
        # A scene with a commentary has its transcript (SceneBlock.clean), in every language.
        commented = any(value["audio"] or value["transcript"] for value in values)
        sources = recordings.source_recordings(self, "scenes") if commented else None
        images = {value["image"].pk: value["image"] for value in values if value["image"]}
        renditions = (
            get_image_model()
            .get_rendition_model()
            .objects.filter(filter_spec__in=RENDITION_FILTERS)
        )
        prefetch_related_objects(
            list(images.values()),
            Prefetch("renditions", renditions, to_attr="prefetched_renditions"),
        )
        chosen = [value["audio"] for value in values if value["audio"]]
        if chosen:  # their speech-sized copies (core.transcoding), in one query
            prefetch_related_objects(chosen, "speech_files")
        pages = self.linked_pages(values)
        count = len(values)
        scenes = []
        for number, (block, value) in enumerate(zip(self.scenes, values, strict=True), start=1):
            image = images.get(value["image"].pk) if value["image"] else None
            recording = recordings.in_language(value["audio"], block.id, sources)
            renditions = image.get_renditions(*RENDITION_FILTERS) if image else {}
            hotspots = []
            for position, hotspot in enumerate(value["hotspots"], start=1):
                entry = {
                    "id": f"{scene_anchor(number)}-hotspot-{position}",
                    "kind": hotspot["kind"],
                    "label": hotspot["label"],
                    "text": hotspot["text"],
                    "horizontal": hotspot["horizontal"],
                    "vertical": hotspot["vertical"],
                }
                if hotspot["kind"] == SCENE:
                    target = hotspot["target_scene"]
                    if not (target and 1 <= target <= count):
                        continue  # a scene deleted since: no dead link
                    entry["target"] = scene_anchor(target)
                    entry["target_title"] = values[target - 1]["title"]
                elif hotspot["kind"] == PAGE:
                    page = pages.get(hotspot["page"].translation_key) if hotspot["page"] else None
                    if page is None:
                        continue
                    entry["url"] = page.get_url(request)
                    entry["page_title"] = page.title
                hotspots.append(entry)
            scenes.append(
                {
                    "number": number,
                    "anchor": scene_anchor(number),
                    "title": value["title"],
                    "kind": value["kind"],
                    "is_panorama": value["kind"] == PANORAMA,
                    "image_alt": value["image_alt"],
                    "text": value["text"],
                    "audio": recording.audio,
                    # Opus, MP3, then the upload: the browser plays the first it can.
                    "audio_sources": transcoding.sources(recording.audio)
                    if recording.audio
                    else [],
                    # Another language has a recording of this scene, this one has none.
                    "missing_recording": recording.missing,
                    "transcript": value["transcript"],
                    "hotspots": hotspots,
                    "renditions": renditions,
                    "image": image,
                    "picture": pictures.SCENE.picture(
                        image, alt=value["image_alt"], loading="lazy", decoding="async"
                    )
                    if image
                    else None,
                    "poster": pictures.POSTER.picture(
                        image,
                        alt="",
                        fetchpriority="high",
                        **{"class": "visit-viewer__poster", "data-visit-poster": ""},
                    )
                    if image
                    else None,
                }
            )
        return scenes

    def linked_pages(self, values):
        """Pages linked by hotspots, in the language of this page (live ones only)."""
        keys = {
            hotspot["page"].translation_key
            for value in values
            for hotspot in value["hotspots"]
            if hotspot["kind"] == PAGE and hotspot["page"]
        }
        if not keys:
            return {}
        pages = Page.objects.live().filter(translation_key__in=keys, locale_id=self.locale_id)
        found = {page.translation_key: page for page in pages}
        if len(found) < len(keys):
            # Not translated yet: the source page rather than no link at all.
            default = Locale.get_default()
            for page in Page.objects.live().filter(translation_key__in=keys - found.keys()):
                if page.translation_key not in found or page.locale_id == default.pk:
                    found[page.translation_key] = page
        return found

    @staticmethod
    def viewer_config(scenes, preview=False):
        """What static/js/virtual-visit.js needs, embedded with json_script."""
        config = {"preview": preview, "scenes": []}
        for scene in scenes:
            if not scene["renditions"]:
                continue
            small = scene["renditions"][PANORAMA_SMALL]
            large = scene["renditions"][PANORAMA_LARGE]
            config["scenes"].append(
                {
                    "id": scene["anchor"],
                    "title": scene["title"],
                    "kind": scene["kind"],
                    "image": {"small": small.url, "large": large.url, "width": large.width},
                    "size": [small.width, small.height],
                    "hotspots": [
                        {
                            key: hotspot[key]
                            for key in (
                                "id",
                                "kind",
                                "label",
                                "text",
                                "horizontal",
                                "vertical",
                                "target",
                                "url",
                            )
                            if key in hotspot
                        }
                        for hotspot in scene["hotspots"]
                    ],
                }
            )
        return config
