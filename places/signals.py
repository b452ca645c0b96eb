"""What places announces to the apps above it, which it may not import (docs/architecture.md)."""

from django.dispatch import Signal

# Sent after a bulk import of postcodes changed the table: bulk writes send no post_save, and the catalogue's caches
# (distances, places found by name) must follow the new table (offers.signals).
postcodes_imported = Signal()
