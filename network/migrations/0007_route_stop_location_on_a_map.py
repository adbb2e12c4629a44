"""A route stop's position as wagtailgeowidget stores it ("SRID=4326;POINT(lng lat)"), so that
the network team places a place on a map instead of typing two numbers. Positions already
saved as latitude and longitude are carried over (and back, when migrating backwards)."""

from django.db import migrations, models

from museum_pages.practical import geography


def to_location(apps, schema_editor):
    RouteStop = apps.get_model("network", "RouteStop")
    for stop in RouteStop.objects.exclude(latitude=None).exclude(longitude=None):
        stop.location = geography.make_point(stop.longitude, stop.latitude)
        stop.save(update_fields=["location"])


def to_latitude_longitude(apps, schema_editor):
    RouteStop = apps.get_model("network", "RouteStop")
    for stop in RouteStop.objects.exclude(location=""):
        point = geography.parse_point(stop.location)
        if point is not None:
            stop.longitude, stop.latitude = (round(value, 5) for value in point)
            stop.save(update_fields=["latitude", "longitude"])


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0006_agenda_page"),
    ]

    operations = [
        migrations.AddField(
            model_name="routestop",
            name="location",
            field=models.CharField(
                blank=True,
                help_text=(
                    "Pour un lieu qui n'est pas un musée : cliquez sur la carte ou déplacez "
                    "le point (ou tapez « latitude,longitude »)."
                ),
                max_length=250,
                verbose_name="position du lieu",
            ),
        ),
        migrations.RunPython(to_location, to_latitude_longitude),
        migrations.RemoveField(model_name="routestop", name="latitude"),
        migrations.RemoveField(model_name="routestop", name="longitude"),
    ]
