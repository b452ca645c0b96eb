from django.core.management.base import BaseCommand

from offers.textsearch.relevance import DEPTH, precision_at_5


class Command(BaseCommand):
    help = (
        "Prints the precision at 5 of the search's relevance table (offers.textsearch.relevance) on the demo "
        "catalogue: load it first with `manage.py load_demo`."
    )

    def add_arguments(self, parser):
        parser.add_argument("--misses", action="store_true", help="Also list the queries below 1.0 with results.")

    def handle(self, *args, misses: bool = False, **options):
        overall, rows = precision_at_5()
        for query, found, score in rows:
            if misses and score < 1:
                self.stdout.write(f"{score:.2f}  {query.kind:16} {query.params}  → {', '.join(found) or '—'}")
        self.stdout.write(f"Precision at {DEPTH}: {overall:.3f} over {len(rows)} queries")
