"""Copies the audit entries' office, case and case reference into the plain columns of 0004."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_references(apps, schema_editor):
    AuditEntry = apps.get_model("counselling", "AuditEntry")
    Case = apps.get_model("counselling", "Case")
    reference = Subquery(Case.objects.filter(pk=OuterRef("case_id")).values("reference")[:1])
    AuditEntry.objects.update(
        office_pk=models.F("office_id"), case_pk=models.F("case_id"), object_pk=models.F("case_id")
    )
    AuditEntry.objects.filter(case__isnull=False).update(case_reference=reference, object_type="case")
    # Entries without a case were written for requests and companies; the old text does not say which.
    AuditEntry.objects.filter(case__isnull=True).update(object_type="inquiry")


class Migration(migrations.Migration):
    dependencies = [("counselling", "0008_audit_plain_references")]

    operations = [migrations.RunPython(copy_references, migrations.RunPython.noop)]
