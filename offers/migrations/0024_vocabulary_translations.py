"""The seeded vocabularies in the other interface languages (en, ar, uk, tr, ru), written by the team, and the
permissions on offers' translations (editors and coordinators, docs/roles.md).

Fills only empty columns, so a coordinator's own wording in the admin stays."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

TRANSLATION_PERMISSIONS = ["view_offertranslation", "add_offertranslation", "change_offertranslation",
                           "delete_offertranslation"]  # fmt: skip
GROUPS = ["Partnerredaktion", "Netzwerkkoordination"]

ORDER = ("en", "ar", "uk", "tr", "ru")

STEPS = {
    "ohne-abschluss": {
        "name": (
            "No vocational qualification",
            "بدون مؤهل مهني",
            "Без професійної освіти",
            "Mesleki yeterliliği olmayanlar",
            "Без профессионального образования",
        ),
        "who": (
            "Unskilled and semi-skilled workers, people without a recognised vocational qualification",
            "العمال غير المهرة وشبه المهرة والأشخاص الذين ليس لديهم مؤهل مهني معترف به",
            "Некваліфіковані працівники, люди без визнаної професійної освіти",
            "Vasıfsız ve yarı vasıflı çalışanlar, tanınmış mesleki yeterliliği olmayan kişiler",
            "Неквалифицированные работники, люди без признанного профессионального образования",
        ),
        "next_step": (
            "Vocational qualification – through partial qualifications, the external examination or retraining",
            "مؤهل مهني – عبر المؤهلات الجزئية أو الامتحان الخارجي أو إعادة التأهيل",
            "Професійна освіта – через часткові кваліфікації, екстернат або перекваліфікацію",
            "Mesleki yeterlilik – kısmi yeterlilikler, dışarıdan sınav veya yeniden eğitim yoluyla",
            "Профессиональное образование – через частичные квалификации, экстернат или переобучение",
        ),
    },
    "fachkraft": {
        "name": (
            "Skilled worker with a vocational qualification",
            "عامل ماهر حاصل على مؤهل مهني",
            "Фахівець із професійною освітою",
            "Mesleki yeterliliğe sahip kalifiye eleman",
            "Специалист с профессиональным образованием",
        ),
        "who": (
            "Skilled workers who have completed vocational training (DQR 3–4)",
            "العمال المهرة الذين أكملوا تدريبًا مهنيًا (DQR 3–4)",
            "Фахівці із завершеною професійною освітою (DQR 3–4)",
            "Mesleki eğitimini tamamlamış kalifiye elemanlar (DQR 3–4)",
            "Специалисты с законченным профессиональным образованием (DQR 3–4)",
        ),
        "next_step": (
            "Master craftsperson, technician or business specialist (DQR 5–7)",
            "معلم حرفي أو فني أو أخصائي أعمال (DQR 5–7)",
            "Майстер, технік або фахівець з управління (DQR 5–7)",
            "Usta, tekniker veya uzman (DQR 5–7)",
            "Мастер, техник или специалист-управленец (DQR 5–7)",
        ),
    },
    "aufstieg": {
        "name": (
            "Master craftsperson, technician, business specialist",
            "معلم حرفي، فني، أخصائي أعمال",
            "Майстер, технік, фахівець з управління",
            "Usta, tekniker, uzman",
            "Мастер, техник, специалист-управленец",
        ),
        "who": (
            "Master craftspeople, technicians, business specialists and professional specialists",
            "المعلمون الحرفيون والفنيون وأخصائيو الأعمال والمتخصصون المهنيون",
            "Майстри, техніки, фахівці з управління та професійні спеціалісти",
            "Ustalar, teknikerler, uzmanlar ve meslek uzmanları",
            "Мастера, техники, специалисты-управленцы и профессиональные специалисты",
        ),
        "next_step": (
            "University degree, for example studying alongside work",
            "شهادة جامعية، مثلًا الدراسة إلى جانب العمل",
            "Вища освіта, наприклад навчання без відриву від роботи",
            "Üniversite diploması, örneğin çalışırken okuyarak",
            "Высшее образование, например учёба без отрыва от работы",
        ),
    },
    "akademisch": {
        "name": ("University degree", "شهادة جامعية", "Вища освіта", "Üniversite diploması", "Высшее образование"),
        "who": (
            "People with a university degree",
            "الأشخاص الحاصلون على شهادة جامعية",
            "Люди з вищою освітою",
            "Üniversite diploması olan kişiler",
            "Люди с высшим образованием",
        ),
        "next_step": (
            "Specialisation and further training at work",
            "التخصص والتدريب المستمر في العمل",
            "Спеціалізація та підвищення кваліфікації",
            "Uzmanlaşma ve meslekte ileri eğitim",
            "Специализация и повышение квалификации",
        ),
    },
}

SECTORS = {
    "automobil": (
        "Automotive industry and suppliers",
        "صناعة السيارات والموردون",
        "Автомобільна галузь і постачальники",
        "Otomotiv sektörü ve yan sanayi",
        "Автомобильная отрасль и поставщики",
    ),
    "maschinenbau": (
        "Mechanical and plant engineering",
        "صناعة الآلات والمعدات",
        "Машинобудування",
        "Makine ve tesis mühendisliği",
        "Машиностроение",
    ),
    "metall-elektro": (
        "Metal and electrical",
        "المعادن والكهرباء",
        "Метал та електротехніка",
        "Metal ve elektrik",
        "Металл и электротехника",
    ),
    "kunststoff": ("Plastics", "البلاستيك", "Пластмаси", "Plastik", "Пластмассы"),
    "handwerk": ("Skilled crafts", "الحِرَف", "Ремесла", "Zanaat", "Ремёсла"),
    "pflege-gesundheit": (
        "Care and health",
        "الرعاية والصحة",
        "Догляд і охорона здоров'я",
        "Bakım ve sağlık",
        "Уход и здравоохранение",
    ),
    "handel-dienstleistung": (
        "Retail and services",
        "التجارة والخدمات",
        "Торгівля та послуги",
        "Ticaret ve hizmetler",
        "Торговля и услуги",
    ),
    "logistik": ("Logistics", "الخدمات اللوجستية", "Логістика", "Lojistik", "Логистика"),
    "it-digitalisierung": (
        "IT and digitalisation",
        "تكنولوجيا المعلومات والرقمنة",
        "ІТ та цифровізація",
        "BT ve dijitalleşme",
        "ИТ и цифровизация",
    ),
    "gastgewerbe": (
        "Hospitality and catering",
        "الضيافة والمطاعم",
        "Готельно-ресторанна справа",
        "Konaklama ve yiyecek-içecek",
        "Гостинично-ресторанный бизнес",
    ),
    "bau": ("Construction", "البناء", "Будівництво", "İnşaat", "Строительство"),
    "oeffentlicher-dienst-soziales": (
        "Public service and social work",
        "الخدمة العامة والعمل الاجتماعي",
        "Державна служба та соціальна сфера",
        "Kamu hizmeti ve sosyal hizmetler",
        "Госслужба и социальная сфера",
    ),
    "branchenuebergreifend": (
        "All sectors",
        "لجميع القطاعات",
        "Для всіх галузей",
        "Tüm sektörler",
        "Для всех отраслей",
    ),
}

TARGET_GROUPS = {
    "an-und-ungelernte": (
        "Unskilled and semi-skilled workers",
        "العمال غير المهرة وشبه المهرة",
        "Некваліфіковані працівники",
        "Vasıfsız ve yarı vasıflı çalışanlar",
        "Неквалифицированные работники",
    ),
    "beschaeftigte-kmu": (
        "Employees of small and medium-sized businesses",
        "العاملون في الشركات الصغيرة والمتوسطة",
        "Працівники малих і середніх підприємств",
        "KOBİ çalışanları",
        "Сотрудники малых и средних предприятий",
    ),
    "arbeitsuchende": ("Job seekers", "الباحثون عن عمل", "Шукачі роботи", "İş arayanlar", "Ищущие работу"),
    "migration": (
        "Migrants / people with a foreign qualification",
        "المهاجرون / الأشخاص الحاصلون على مؤهل أجنبي",
        "Мігранти / люди з іноземною освітою",
        "Göçmenler / yabancı diploması olan kişiler",
        "Мигранты / люди с иностранным образованием",
    ),
    "berufsrueckkehrende": (
        "Women and people returning to work",
        "النساء والعائدون إلى العمل",
        "Жінки та ті, хто повертається до роботи",
        "Kadınlar ve işe geri dönenler",
        "Женщины и возвращающиеся к работе",
    ),
    "aeltere-beschaeftigte": (
        "Older employees (45+)",
        "العاملون الأكبر سنًا (45+)",
        "Працівники старшого віку (45+)",
        "Yaşlı çalışanlar (45+)",
        "Работники старшего возраста (45+)",
    ),
    "junge-erwachsene": ("Young adults", "الشباب", "Молоді дорослі", "Genç yetişkinler", "Молодые взрослые"),
    "studienabbrechende": (
        "University dropouts",
        "المنقطعون عن الدراسة الجامعية",
        "Ті, хто покинув навчання у виші",
        "Üniversiteyi bırakanlar",
        "Бросившие учёбу в вузе",
    ),
    "ausbildungspersonal": (
        "Training staff and skilled workers who train",
        "موظفو التدريب والعمال المهرة المدرِّبون",
        "Персонал з навчання та фахівці-наставники",
        "Eğitim personeli ve eğitim veren kalifiye elemanlar",
        "Персонал по обучению и специалисты-наставники",
    ),
    "fuehrungskraefte": ("Managers", "المديرون", "Керівники", "Yöneticiler", "Руководители"),
    "gruendung": (
        "Founders and self-employed people",
        "المؤسسون وأصحاب الأعمال الحرة",
        "Засновники та самозайняті",
        "Girişimciler ve serbest çalışanlar",
        "Основатели бизнеса и самозанятые",
    ),
    "unternehmen": (
        "Companies / HR managers",
        "الشركات / مسؤولو الموارد البشرية",
        "Підприємства / відповідальні за персонал",
        "Şirketler / insan kaynakları sorumluları",
        "Компании / ответственные за персонал",
    ),
}

# slug: (name, short name) per language
FUNDING = {
    "bildungsgutschein": (
        "Education voucher",
        "قسيمة التعليم",
        "Освітній ваучер",
        "Eğitim çeki",
        "Образовательный ваучер",
    ),
    "qualifizierungschancengesetz": (
        "Funding for employees under the Qualification Opportunities Act",
        "دعم العاملين وفق قانون فرص التأهيل",
        "Підтримка працівників за Законом про можливості кваліфікації",
        "Nitelik Fırsatları Yasası kapsamında çalışan desteği",
        "Поддержка работников по Закону о возможностях квалификации",
    ),
    "teilqualifizierung": (
        "Training towards a vocational qualification and partial qualification",
        "تدريب نحو مؤهل مهني وتأهيل جزئي",
        "Навчання для здобуття професії та часткова кваліфікація",
        "Mesleki yeterliliğe yönelik eğitim ve kısmi yeterlilik",
        "Обучение для получения профессии и частичная квалификация",
    ),
    "qualifizierungsgeld": (
        "Qualification allowance",
        "بدل التأهيل",
        "Кваліфікаційні виплати",
        "Nitelik ödeneği",
        "Квалификационное пособие",
    ),
    "aufstiegs-bafoeg": (
        "Advancement grant (Aufstiegs-BAföG)",
        "منحة الترقي المهني (Aufstiegs-BAföG)",
        "Стипендія на професійне зростання (Aufstiegs-BAföG)",
        "Meslekte yükselme bursu (Aufstiegs-BAföG)",
        "Стипендия на профессиональный рост (Aufstiegs-BAföG)",
    ),
    "weiterbildungsstipendium": (
        "Further training scholarship",
        "منحة التدريب المستمر",
        "Стипендія на підвищення кваліфікації",
        "İleri eğitim bursu",
        "Стипендия на повышение квалификации",
    ),
    "aufstiegsstipendium": (
        "Advancement scholarship",
        "منحة الترقي الدراسي",
        "Стипендія для навчання у виші",
        "Yükselme bursu",
        "Стипендия для учёбы в вузе",
    ),
    "esf-fachkurse-bw": (
        "ESF Plus specialist courses Baden-Württemberg",
        "دورات متخصصة ESF Plus في بادن-فورتمبيرغ",
        "Спеціалізовані курси ESF Plus Баден-Вюртемберг",
        "ESF Plus uzmanlık kursları Baden-Württemberg",
        "Специализированные курсы ESF Plus Баден-Вюртемберг",
    ),
    "bildungszeit-bw": (
        "Educational leave Baden-Württemberg",
        "إجازة التعليم في بادن-فورتمبيرغ",
        "Освітня відпустка Баден-Вюртемберг",
        "Baden-Württemberg eğitim izni",
        "Учебный отпуск Баден-Вюртемберг",
    ),
    "bildungsfreistellung-mv": (
        "Educational leave Mecklenburg-Vorpommern",
        "إجازة التعليم في مكلنبورغ-فوربومرن",
        "Освітня відпустка Мекленбург-Передня Померанія",
        "Mecklenburg-Vorpommern eğitim izni",
        "Учебный отпуск Мекленбург-Передняя Померания",
    ),
    "avgs": (
        "Activation and placement voucher (AVGS)",
        "قسيمة التفعيل والتوظيف (AVGS)",
        "Ваучер активації та працевлаштування (AVGS)",
        "Aktivasyon ve yerleştirme çeki (AVGS)",
        "Ваучер активации и трудоустройства (AVGS)",
    ),
    "wegebau": (
        "WeGebAU (until 2018)",
        "WeGebAU (حتى 2018)",
        "WeGebAU (до 2018)",
        "WeGebAU (2018'e kadar)",
        "WeGebAU (до 2018)",
    ),
}

# Short names where the full name is too long for the column (60 characters).
SHORT_NAMES = {
    "qualifizierungschancengesetz": (
        "Qualification Opportunities Act",
        "قانون فرص التأهيل",
        "Закон про можливості кваліфікації",
        "Nitelik Fırsatları Yasası",
        "Закон о возможностях квалификации",
    ),
    "teilqualifizierung": (
        "Partial qualification",
        "التأهيل الجزئي",
        "Часткова кваліфікація",
        "Kısmi yeterlilik",
        "Частичная квалификация",
    ),
}


def _fill(row, field: str, texts: tuple) -> None:
    for language, text in zip(ORDER, texts, strict=True):
        column = f"{field}_{language}"
        if not getattr(row, column):
            setattr(row, column, text)


def seed(apps, schema_editor):
    # The guide's route "eigenes Unternehmen führen" looks for offers made for founders and owners.
    apps.get_model("offers", "TargetGroup").objects.get_or_create(
        slug="gruendung", defaults={"name": "Gründerinnen, Gründer und Selbstständige"}
    )
    for model, names in (("Sector", SECTORS), ("TargetGroup", TARGET_GROUPS), ("FundingProgramme", FUNDING)):
        for row in apps.get_model("offers", model).objects.filter(slug__in=names):
            _fill(row, "name", names[row.slug])
            if model == "FundingProgramme":
                _fill(row, "short_name", SHORT_NAMES.get(row.slug, names[row.slug]))
            row.save()
    for row in apps.get_model("offers", "QualificationStep").objects.filter(slug__in=STEPS):
        for field, texts in STEPS[row.slug].items():
            _fill(row, field, texts)
        row.save()


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations ran; a fresh database needs them now.
    app_config = apps.get_app_config("offers")
    original = getattr(app_config, "models_module", None)
    app_config.models_module = original or True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = original
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="offers", codename__in=TRANSLATION_PERMISSIONS)
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0023_translations"),
        ("partners", "0003_role_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
