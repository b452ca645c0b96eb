from django import template

register = template.Library()


@register.filter
def gap_text(report, cell) -> str:
    return report.gap_text(cell)


@register.filter
def referrals_shown(report, cell):
    return report.referrals_shown(cell)
