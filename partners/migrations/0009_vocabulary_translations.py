"""The seeded services and languages in the other interface languages (en, ar, uk, tr, ru), written by the team.

Fills only empty columns, so a coordinator's own wording in the admin stays."""

from django.db import migrations

ORDER = ("en", "ar", "uk", "tr", "ru")

SERVICES = {
    "qualifizierungsberatung": (
        "Qualification counselling",
        "استشارات التأهيل",
        "Консультації з кваліфікації",
        "Nitelik danışmanlığı",
        "Консультации по квалификации",
    ),
    "foerdermittelberatung": (
        "Funding advice",
        "استشارات التمويل",
        "Консультації щодо фінансування",
        "Destek danışmanlığı",
        "Консультации по финансированию",
    ),
    "anerkennungsberatung": (
        "Recognition counselling (foreign qualifications)",
        "استشارات الاعتراف بالمؤهلات الأجنبية",
        "Консультації з визнання іноземних дипломів",
        "Yabancı diploma denkliği danışmanlığı",
        "Консультации по признанию иностранных дипломов",
    ),
    "weiterbildung": (
        "Further training",
        "التدريب المستمر",
        "Підвищення кваліфікації",
        "İleri eğitim",
        "Повышение квалификации",
    ),
    "kompetenzfeststellung": (
        "Skills assessment",
        "تقييم الكفاءات",
        "Оцінювання компетенцій",
        "Yetkinlik tespiti",
        "Оценка компетенций",
    ),
    "personalentwicklungsberatung": (
        "Staff development advice",
        "استشارات تطوير الموظفين",
        "Консультації з розвитку персоналу",
        "Personel geliştirme danışmanlığı",
        "Консультации по развитию персонала",
    ),
    "ausbildungsberatung": (
        "Apprenticeship advice",
        "استشارات التدريب المهني",
        "Консультації щодо професійного навчання",
        "Mesleki eğitim danışmanlığı",
        "Консультации по профессиональному обучению",
    ),
    "pruefungen": ("Examinations", "الامتحانات", "Іспити", "Sınavlar", "Экзамены"),
    "vermittlung": ("Job placement", "التوظيف", "Працевлаштування", "İş bulma", "Трудоустройство"),
    "studienberatung": (
        "Study advice",
        "استشارات الدراسة",
        "Консультації щодо навчання у виші",
        "Öğrenim danışmanlığı",
        "Консультации по учёбе в вузе",
    ),
    "gesundheitsfoerderung": (
        "Workplace health promotion",
        "تعزيز الصحة في مكان العمل",
        "Корпоративне зміцнення здоров'я",
        "İşyerinde sağlığın geliştirilmesi",
        "Укрепление здоровья на предприятии",
    ),
    "existenzgruendung": (
        "Start-up and business advice",
        "استشارات تأسيس المشاريع وإدارتها",
        "Консультації зі створення та ведення бізнесу",
        "Girişim ve işletme danışmanlığı",
        "Консультации по созданию и ведению бизнеса",
    ),
}

LANGUAGES = {
    "de": ("German", "الألمانية", "Німецька", "Almanca", "Немецкий"),
    "en": ("English", "الإنجليزية", "Англійська", "İngilizce", "Английский"),
    "ar": ("Arabic", "العربية", "Арабська", "Arapça", "Арабский"),
    "tr": ("Turkish", "التركية", "Турецька", "Türkçe", "Турецкий"),
    "ru": ("Russian", "الروسية", "Російська", "Rusça", "Русский"),
    "uk": ("Ukrainian", "الأوكرانية", "Українська", "Ukraynaca", "Украинский"),
    "pl": ("Polish", "البولندية", "Польська", "Lehçe", "Польский"),
    "ro": ("Romanian", "الرومانية", "Румунська", "Rumence", "Румынский"),
    "fa": ("Persian", "الفارسية", "Перська", "Farsça", "Персидский"),
    "fr": ("French", "الفرنسية", "Французька", "Fransızca", "Французский"),
    "es": ("Spanish", "الإسبانية", "Іспанська", "İspanyolca", "Испанский"),
    "it": ("Italian", "الإيطالية", "Італійська", "İtalyanca", "Итальянский"),
    "hr": ("Croatian", "الكرواتية", "Хорватська", "Hırvatça", "Хорватский"),
    "el": ("Greek", "اليونانية", "Грецька", "Yunanca", "Греческий"),
    "vi": ("Vietnamese", "الفيتنامية", "В'єтнамська", "Vietnamca", "Вьетнамский"),
}


def _fill(row, texts: tuple) -> None:
    for language, text in zip(ORDER, texts, strict=True):
        if not getattr(row, f"name_{language}"):
            setattr(row, f"name_{language}", text)
    row.save()


def seed(apps, schema_editor):
    # Business and start-up advice (chambers' Existenzgründungsberatung) joins the services the guide looks for.
    apps.get_model("partners", "Service").objects.get_or_create(
        slug="existenzgruendung", defaults={"name": "Existenzgründungs- und Unternehmensberatung"}
    )
    for row in apps.get_model("partners", "Service").objects.filter(slug__in=SERVICES):
        _fill(row, SERVICES[row.slug])
    for row in apps.get_model("partners", "Language").objects.filter(code__in=LANGUAGES):
        _fill(row, LANGUAGES[row.code])


class Migration(migrations.Migration):
    dependencies = [("partners", "0008_translations_remote_advice")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
