"""Demo accounts (password "demo" for each). Roles and memberships come from the partners loader."""

from django.contrib.auth import get_user_model

DEMO_PASSWORD = "demo"
DEMO_ACCOUNTS = [
    # username, first name, last name, role description, is_staff, is_superuser
    ("koordination", "Kora", "Koordination", "Netzwerkkoordination", True, False),
    ("redaktion-ihk", "Ingo", "Redaktion", "Partnerredaktion IHK Region Stuttgart", True, False),
    ("redaktion-saz", "Sabine", "Redaktion", "Partnerredaktion Schweriner Ausbildungszentrum e.V.", True, False),
    ("beratung-stuttgart", "Berit", "Stuttgart", "Beratung Lotsendienst Stuttgart", False, False),
    ("beratung-schwerin", "Bernd", "Schwerin", "Beratung Schweriner Ausbildungszentrum", False, False),
]


def load(*, stdout) -> None:
    User = get_user_model()
    for username, first, last, _role, is_staff, is_superuser in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": f"{username}@lotsendienst.example"},
        )
        user.is_staff = is_staff
        user.is_superuser = is_superuser
        if created or not user.has_usable_password():
            user.set_password(DEMO_PASSWORD)
        user.save()
    stdout.write(f"Demo accounts: {', '.join(a[0] for a in DEMO_ACCOUNTS)} (password: {DEMO_PASSWORD})")
