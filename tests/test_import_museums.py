"""import_museums: a network starts from its real museums, given in a JSON or CSV file of
facts; a file with a problem imports nothing and says where; a second run changes nothing;
an editor's change stays until the file changes that fact."""

import copy
import csv
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page, Revision

from core import languages
from museum_pages.models import MuseumPage
from teams.models import MuseumTeam
from tests.helpers import PRODUCTION_ENV, ROOT, run_manage

EXAMPLE_JSON = ROOT / "deploy" / "museums.example.json"
EXAMPLE_CSV = ROOT / "deploy" / "museums.example.csv"
# The demo network is loaded in the test database: the example's museums under new names.
NEW = {"historial-peronne": "historial-essai", "carriere-wellington": "carriere-essai"}


def new_museums():
    """The example file's two museums as museums the demo network does not have."""
    data = json.loads(EXAMPLE_JSON.read_text(encoding="utf-8"))
    for museum in data["museums"]:
        museum["slug"] = NEW[museum["slug"]]
        museum["name"] += " (essai)"
    return data


def write_json(tmp_path, data, name="museums.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def new_museums_csv(tmp_path):
    with EXAMPLE_CSV.open(encoding="utf-8", newline="") as source:
        rows = list(csv.DictReader(source))
    for row in rows:
        row["slug"], row["name"] = NEW[row["slug"]], row["name"] + " (essai)"
    path = tmp_path / "museums.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def run(path, *options):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_museums", str(path), *options, stdout=out, stderr=err)
    return out.getvalue()


def failure(path, *options):
    """The command's error message and the problems it listed."""
    err = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("import_museums", str(path), *options, stdout=io.StringIO(), stderr=err)
    return str(error.value), err.getvalue()


def french(slug):
    return MuseumPage.objects.get(slug=slug, locale__language_code=languages.SOURCE)


def revisions():
    return Revision.objects.count()


def test_json_file_creates_published_museums_with_team_and_translation_drafts(db, client, tmp_path):
    out = run(write_json(tmp_path, new_museums()))
    assert "Museums: 2 created, 0 updated, 0 unchanged." in out
    peronne = french("historial-essai")
    assert peronne.live and peronne.town == "Péronne"
    assert [theme.slug for theme in peronne.themes.all()] == ["ww1"]
    assert peronne.point == (2.9335, 49.931)
    assert peronne.booking_url == "https://historial.fr"
    assert [price.label for price in peronne.prices.all()][:2] == ["Plein tarif", "Tarif réduit"]
    wellington = french("carriere-essai")
    assert wellington.guided_visits_only and wellington.guided_departures.count() == 5
    assert wellington.induction_loop and not wellington.audio_description
    # Its team, collection and workflow, as for a museum added in the admin.
    team = MuseumTeam.objects.get(museum_key=peronne.translation_key)
    assert team.collection.name == peronne.title and team.workflow is not None
    # Visitors see the French page with its hours; the translations wait for translators.
    page = client.get("/fr/historial-essai/")
    assert page.status_code == 200
    assert "Historial de la Grande Guerre – Péronne (essai)" in page.content.decode()
    assert "09:30" in page.content.decode() or "9 h 30" in page.content.decode()
    for code in languages.TARGETS:
        translation = MuseumPage.objects.get(
            translation_key=peronne.translation_key, locale__language_code=code
        )
        assert not translation.live
        assert client.get(f"/{code}/historial-essai/").status_code == 404


def test_csv_file_gives_the_same_museums_as_json(db, tmp_path):
    out = run(new_museums_csv(tmp_path))
    assert "Museums: 2 created" in out
    wellington = french("carriere-essai")
    assert wellington.opening_periods.count() == 2
    assert [row.departs_at.strftime("%H:%M") for row in wellington.guided_departures.all()] == [
        "10:00",
        "11:00",
        "14:00",
        "15:00",
        "16:30",
    ]
    peronne = french("historial-essai")
    combined = peronne.prices.get(is_combined=True)
    assert combined.amount == 14 and combined.note.startswith("Valable un an")
    assert peronne.prices.get(label="Moins de 6 ans").is_free
    # The JSON file says the same, with the intro the CSV does not give: only that changes.
    before = revisions()
    out = run(write_json(tmp_path, new_museums()))
    assert "updated" in out and "(intro)" in out
    # A revision of each French page, and of its translation drafts (teams.translation_sync).
    assert revisions() == before + 2 * (1 + len(languages.TARGETS))
    german = MuseumPage.objects.get(
        translation_key=peronne.translation_key, locale__language_code="de"
    )
    assert not german.live
    assert german.get_latest_revision_as_object().intro == french("historial-essai").intro


def test_a_second_run_changes_nothing(db, tmp_path):
    path = write_json(tmp_path, new_museums())
    run(path)
    pages, before = Page.objects.count(), revisions()
    out = run(path)
    assert "Museums: 2 unchanged, nothing changed." in out
    assert (Page.objects.count(), revisions()) == (pages, before)


def test_the_example_file_describes_the_demo_museums_as_they_are(db):
    before = revisions()
    out = run(EXAMPLE_JSON)
    assert "Museums: 2 unchanged, nothing changed." in out
    out = run(EXAMPLE_CSV)
    assert "Museums: 2 unchanged, nothing changed." in out
    assert revisions() == before


def test_a_file_with_bad_rows_says_where_and_imports_nothing(db, tmp_path):
    data = new_museums()
    bad = copy.deepcopy(data["museums"][0])
    bad.update(slug="musee-bancal", latitude=149.93)
    bad["themes"] = ["ww1", "pirates"]
    bad["hours"][0]["opens"] = "9h30"
    nameless = {"town": "Arras"}
    data["museums"] += [bad, nameless]
    path = write_json(tmp_path, data)
    pages, before = Page.objects.count(), revisions()
    message, problems = failure(path)
    assert "nothing imported" in message
    text = path.read_text(encoding="utf-8").splitlines()
    bad_line = next(i for i, line in enumerate(text, 1) if '"slug": "musee-bancal"' in line) - 1
    opens_line = next(i for i, line in enumerate(text, 1) if '"opens": "9h30"' in line)
    hours_line = max(i for i in range(1, opens_line) if text[i - 1].strip() == "{")
    assert f"line {bad_line} (museum 3) musee-bancal: latitude: 149.93 is not between" in problems
    assert "musee-bancal: themes: unknown 'pirates'" in problems
    assert f"line {hours_line} (museum 3) musee-bancal: hours[0].opens: '9h30' is not" in problems
    assert "(museum 4): name: required" in problems
    # The two good museums of the file are not imported either.
    assert (Page.objects.count(), revisions()) == (pages, before)
    assert not MuseumPage.objects.filter(slug="historial-essai").exists()


def test_a_bad_csv_row_is_reported_with_its_line(db, tmp_path):
    path = new_museums_csv(tmp_path)
    text = path.read_text(encoding="utf-8").replace("tue-sun 09:30-18:00", "mardi-dimanche 9h30")
    path.write_text(text, encoding="utf-8")
    _message, problems = failure(path)
    assert "line 2 (row 1) historial-essai: hours[0]: 'mardi-dimanche 9h30' is not understood" in (
        problems
    )
    assert not MuseumPage.objects.filter(slug="carriere-essai").exists()


def test_a_changed_fact_updates_the_page_and_an_editors_change_stays(db, client, tmp_path):
    data = new_museums()
    path = write_json(tmp_path, data)
    run(path)
    page = french("historial-essai")
    page.phone = "+33 3 22 83 14 18"  # the museum's editor corrects the phone number
    page.save_revision().publish()
    before = revisions()
    assert "2 unchanged" in run(path)
    assert french("historial-essai").phone == "+33 3 22 83 14 18"
    assert revisions() == before
    # The network's file changes the opening time: a new published revision, phone kept.
    data["museums"][0]["hours"][0]["opens"] = "10:00"
    out = run(write_json(tmp_path, data))
    assert "updated: historial-essai (hours)" in out
    page = french("historial-essai")
    assert page.opening_periods.get().opens.strftime("%H:%M") == "10:00"
    assert page.phone == "+33 3 22 83 14 18" and page.live
    # One French revision; the translation drafts take the new hours.
    assert revisions() == before + 1 + len(languages.TARGETS)
    # Now the file changes the phone number: the file wins.
    data["museums"][0]["phone"] = "+33 3 22 83 14 19"
    run(write_json(tmp_path, data))
    assert french("historial-essai").phone == "+33 3 22 83 14 19"


def test_a_page_with_unpublished_changes_gets_a_draft(db, tmp_path):
    data = new_museums()
    run(write_json(tmp_path, data))
    page = french("historial-essai")
    page.intro = "Un brouillon de l'équipe du musée."
    page.save_revision()  # not published
    data["museums"][0]["postcode"] = "80201"
    out = run(write_json(tmp_path, data))
    assert "saved as a draft for the moderators" in out
    page = french("historial-essai")
    assert page.postcode == "80200"  # live page unchanged
    draft = page.get_latest_revision_as_object()
    assert draft.postcode == "80201" and draft.intro == "Un brouillon de l'équipe du musée."


def test_complete_live_translations_take_new_facts(
    db, tmp_path, django_capture_on_commit_callbacks
):
    """The demo museums are translated in full: new hours reach /en/ at once."""
    data = json.loads(EXAMPLE_JSON.read_text(encoding="utf-8"))
    data["museums"][0]["hours"][0]["closes"] = "17:45"
    with django_capture_on_commit_callbacks(execute=True):
        run(write_json(tmp_path, data))
    english = MuseumPage.objects.get(slug="historial-peronne", locale__language_code="en")
    assert english.live and english.opening_periods.get().closes.strftime("%H:%M") == "17:45"
    assert english.title == "Historial of the Great War – Péronne"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"[" * 200_000, "nested too deeply"),
        (b"{'name': 'not JSON'}", "not JSON"),
        ('[{"name": "Musée é"}]'.encode("latin-1"), "not UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "not UTF-8"),
        (b'{"museums": {"name": "x"}}', "a list of museums"),
        (b"[" + b'{"name": "x", "town": "y"},' * 200_000 + b"{}]", "larger than"),
    ],
)
def test_hostile_files_get_a_clear_error(db, tmp_path, content, expected):
    path = tmp_path / "museums.json"
    path.write_bytes(content)
    message, _problems = failure(path)
    assert expected in message


def test_files_that_are_not_museums_get_a_clear_error(db, tmp_path):
    assert "no such file" in failure(tmp_path / "missing.json")[0]
    other = tmp_path / "museums.xlsx"
    other.write_bytes(b"PK\x03\x04")
    assert "a .json or .csv file is expected" in failure(other)[0]
    wrong_columns = tmp_path / "museums.csv"
    wrong_columns.write_text("nom;ville\nLa Coupole;Wizernes\n", encoding="utf-8")
    assert "unknown column(s) 'nom', 'ville'" in failure(wrong_columns)[0]
    latin = tmp_path / "latin.csv"
    latin.write_bytes("name;town\nMusée;Arras\n".encode("cp1252"))
    assert "not UTF-8" in failure(latin)[0]


def test_check_writes_nothing(db, tmp_path):
    before = revisions()
    out = run(write_json(tmp_path, new_museums()), "--check")
    assert "2 museum(s) checked: no problem found." in out
    assert revisions() == before


# From an empty database, with the production settings, as the README says -------------------

CHECK_MUSEUM = """
from django.contrib.staticfiles.storage import StaticFilesStorage, staticfiles_storage
from django.test import Client
staticfiles_storage._wrapped = StaticFilesStorage()  # static files are not collected here
client = Client(HTTP_HOST="memhisto.example")
print("fr", client.get("/fr/historial-peronne/").status_code)
print("en", client.get("/en/historial-peronne/").status_code)
"""


def test_an_empty_database_gets_its_museums_after_setup_network(empty_database, tmp_path):
    env = {
        **PRODUCTION_ENV,
        "DATABASE_URL": empty_database,
        "REDIS_URL": "",
        "SECURE_SSL_REDIRECT": "false",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    before = run_manage("migrate", "--noinput", env=env)
    assert before.returncode == 0, before.stderr
    early = run_manage("import_museums", str(EXAMPLE_JSON), env=env)
    assert early.returncode == 1 and "run `manage.py setup_network` first" in early.stderr
    assert "Traceback" not in early.stderr
    for command in (["setup_network"], ["import_museums", str(EXAMPLE_JSON)]):
        result = run_manage(*command, env=env)
        assert result.returncode == 0, result.stderr
    assert "Museums: 2 created" in result.stdout
    again = run_manage("import_museums", str(EXAMPLE_CSV), env=env)
    assert "Museums: 2 unchanged, nothing changed." in again.stdout, again.stderr
    site = run_manage("shell", "-c", CHECK_MUSEUM, env=env)
    assert site.returncode == 0, site.stderr
    lines = site.stdout.splitlines()
    assert "fr 200" in lines and "en 404" in lines, site.stdout  # English waits for translators
