"""import_museums FILE: the network's museums from a file of facts (JSON or CSV).

Run after `setup_network`. See teams/museum_import.py for what is written and when, and
the README ("Production and scaling out") for the format; deploy/museums.example.json and
deploy/museums.example.csv are examples.
"""

from django.core.management.base import BaseCommand, CommandError

from core.translation import MissingText
from teams.museum_import import FileProblem, RowProblems, import_museums, read_file


class Command(BaseCommand):
    help = (
        "Create or update museum pages from a JSON or CSV file of facts. A file with a "
        "problem imports nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .json or .csv file (UTF-8)")
        parser.add_argument("--format", choices=["json", "csv"], help="when the name does not say")
        parser.add_argument(
            "--draft",
            action="store_true",
            help="create new museums as drafts, for their teams to complete and publish",
        )
        parser.add_argument("--check", action="store_true", help="check the file and write nothing")

    def handle(self, *args, **options):
        try:
            museums, themes = read_file(options["file"], options["format"])
            report = import_museums(
                museums, themes, publish=not options["draft"], dry_run=options["check"]
            )
        except FileProblem as error:
            raise CommandError(str(error)) from error
        except RowProblems as error:
            for message in error.messages:
                self.stderr.write(message)
            raise CommandError(
                f"{len(error.messages)} problem(s) in {options['file']}: nothing imported."
            ) from error
        except MissingText as error:
            raise CommandError(str(error)) from error
        if options["check"]:
            self.stdout.write(f"{len(museums)} museum(s) checked: no problem found.")
            return
        for label, slugs in (
            ("created", report.created),
            ("updated", report.updated),
            (
                "saved as a draft for the moderators (the page has unpublished changes)",
                report.drafts,
            ),
            ("theme created", report.themes),
        ):
            for slug in slugs:
                self.stdout.write(f"  {label}: {slug}")
        self.stdout.write(
            f"Museums: {len(report.created)} created, {len(report.updated) + len(report.drafts)} "
            f"updated, {len(report.unchanged)} unchanged."
            if report.changed or report.drafts
            else f"Museums: {len(report.unchanged)} unchanged, nothing changed."
        )
