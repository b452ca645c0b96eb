"""Who must use a second factor: everyone who can reach the admin or the desk."""


def needs_second_factor(user) -> bool:
    if not user.is_authenticated:
        return False
    # `memberships` is partners.Membership's reverse name: editors and counsellors of any partner.
    return user.is_staff or user.is_superuser or user.memberships.exists()
