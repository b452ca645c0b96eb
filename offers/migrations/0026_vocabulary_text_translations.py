"""The funding programmes' long texts (who is funded, what is paid, the plain-language explanation) in the other
interface languages (en, ar, uk, tr, ru), written by the team; the ladder steps' texts came with 0024.

Fills a column only where it is empty and the German text is still the one 0004 seeded, so neither a coordinator's
translation nor a translation of a German text a coordinator rewrote is overwritten. Reverse: nothing to undo."""

import importlib

from django.db import migrations

ORDER = ("en", "ar", "uk", "tr", "ru")
FIELDS = ("eligible", "pays", "description")

# slug: field: (en, ar, uk, tr, ru)
FUNDING = {
    "bildungsgutschein": {
        "eligible": (
            "Unemployed people, people at risk of unemployment and people without a vocational qualification – after a counselling interview at the employment agency (Agentur für Arbeit) or the Jobcenter. The provider and the course must be approved under AZAV.",
            "العاطلون عن العمل والمهددون بالبطالة والأشخاص الذين ليس لديهم مؤهل مهني – بعد مقابلة استشارية في وكالة العمل (Agentur für Arbeit) أو مركز العمل (Jobcenter). يجب أن تكون الجهة المقدِّمة والدورة معتمدتين وفق AZAV.",
            "Безробітні, люди під загрозою безробіття та люди без професійної освіти – після консультації в агентстві з працевлаштування (Agentur für Arbeit) або в Jobcenter. Організатор і курс мають бути сертифіковані за AZAV.",
            "İşsizler, işsiz kalma tehlikesi olanlar ve mesleki yeterliliği olmayan kişiler – İş Ajansı (Agentur für Arbeit) veya Jobcenter'da bir danışmanlık görüşmesinden sonra. Kurum ve kurs AZAV'a göre onaylı olmalıdır.",
            "Безработные, люди под угрозой безработицы и люди без профессионального образования – после консультации в агентстве занятости (Agentur für Arbeit) или в Jobcenter. Организатор и курс должны быть сертифицированы по AZAV.",
        ),
        "pays": (
            "The course fees, usually 100 %. Travel costs and childcare in individual cases.",
            "رسوم الدورة، غالبًا بنسبة 100 %. تكاليف المواصلات ورعاية الأطفال في حالات فردية.",
            "Вартість курсу, зазвичай на 100 %. Проїзд і догляд за дітьми – в окремих випадках.",
            "Kurs ücretleri, çoğunlukla %100. Yol masrafları ve çocuk bakımı duruma göre.",
            "Стоимость курса, обычно на 100 %. Проезд и присмотр за детьми – в отдельных случаях.",
        ),
        "description": (
            "With the education voucher, the employment agency or the Jobcenter pays for your further training. You get it after a counselling interview if the training improves your chances of finding work. You then choose an approved course.",
            "بقسيمة التعليم تدفع وكالة العمل أو مركز العمل تكاليف تدريبك المستمر. تحصل عليها بعد مقابلة استشارية إذا كان التدريب يحسّن فرصك في العثور على عمل. ثم تختار دورة معتمدة.",
            "З освітнім ваучером агентство з працевлаштування або Jobcenter оплачує ваше навчання. Ви отримуєте його після консультації, якщо навчання покращує ваші шанси на роботу. Потім ви обираєте сертифікований курс.",
            "Eğitim çeki ile İş Ajansı veya Jobcenter ileri eğitiminizin parasını öder. Eğitim iş bulma şansınızı artırıyorsa çeki bir danışmanlık görüşmesinden sonra alırsınız. Sonra onaylı bir kurs seçersiniz.",
            "С образовательным ваучером агентство занятости или Jobcenter оплачивает ваше обучение. Вы получаете его после консультации, если обучение повышает ваши шансы найти работу. Затем вы выбираете сертифицированный курс.",
        ),
    },
    "qualifizierungschancengesetz": {
        "eligible": (
            "Employees whose last vocational qualification was usually at least two years ago. The training lasts more than 120 hours and is approved under AZAV.",
            "العاملون الذين حصلوا على آخر مؤهل مهني لهم قبل سنتين على الأقل في العادة. يستمر التدريب أكثر من 120 ساعة ويكون معتمدًا وفق AZAV.",
            "Працівники, які здобули останню професійну освіту, як правило, щонайменше два роки тому. Навчання триває понад 120 годин і сертифіковане за AZAV.",
            "Son mesleki yeterliliğini kural olarak en az iki yıl önce almış çalışanlar. Eğitim 120 saatten uzun sürer ve AZAV'a göre onaylıdır.",
            "Работники, получившие последнее профессиональное образование, как правило, не менее двух лет назад. Обучение длится более 120 часов и сертифицировано по AZAV.",
        ),
        "pays": (
            "Course fees and a wage subsidy, graded by company size: under 50 employees up to 100 % of the course fees; 50–499 employees employer's share 50 %; 500 employees or more employer's share 75 % (check the current rules).",
            "رسوم الدورة ومساهمة في الأجر، حسب حجم الشركة: أقل من 50 موظفًا حتى 100 % من رسوم الدورة؛ 50–499 موظفًا حصة صاحب العمل 50 %؛ 500 موظف فأكثر حصة صاحب العمل 75 % (تحقق من القواعد الحالية).",
            "Вартість курсу та доплата до заробітної плати, залежно від розміру підприємства: до 50 працівників – до 100 % вартості курсу; 50–499 працівників – частка роботодавця 50 %; від 500 працівників – частка роботодавця 75 % (перевірте актуальні правила).",
            "Kurs ücretleri ve ücrete katkı, işletme büyüklüğüne göre: 50'den az çalışan için kurs ücretlerinin %100'üne kadar; 50–499 çalışan için işveren payı %50; 500 ve üzeri çalışan için işveren payı %75 (güncel kuralları kontrol edin).",
            "Стоимость курса и доплата к заработной плате, в зависимости от размера предприятия: менее 50 работников – до 100 % стоимости курса; 50–499 работников – доля работодателя 50 %; от 500 работников – доля работодателя 75 % (проверьте актуальные правила).",
        ),
        "description": (
            "Does your company want to train its employees because the work is changing? Then the employment agency can pay a large part of the costs and subsidise the wages during the training. Small companies get the most.",
            "هل تريد شركتك تدريب موظفيها لأن العمل يتغير؟ عندها يمكن لوكالة العمل أن تتحمل جزءًا كبيرًا من التكاليف وأن تساهم في الأجور أثناء التدريب. الشركات الصغيرة تحصل على أكبر دعم.",
            "Ваше підприємство хоче навчати працівників, бо робота змінюється? Тоді агентство з працевлаштування може покрити значну частину витрат і доплачувати до зарплати під час навчання. Малі підприємства отримують найбільше.",
            "İşletmeniz, iş değiştiği için çalışanlarını eğitmek mi istiyor? O zaman İş Ajansı masrafların büyük bir kısmını karşılayabilir ve eğitim sırasında ücretlere katkı verebilir. En çok desteği küçük işletmeler alır.",
            "Ваше предприятие хочет обучать работников, потому что работа меняется? Тогда агентство занятости может взять на себя большую часть расходов и доплачивать к зарплате во время обучения. Малые предприятия получают больше всего.",
        ),
    },
    "teilqualifizierung": {
        "eligible": (
            "Employees and unemployed people without a recognised vocational qualification.",
            "العاملون والعاطلون عن العمل الذين ليس لديهم مؤهل مهني معترف به.",
            "Працівники та безробітні без визнаної професійної освіти.",
            "Tanınmış mesleki yeterliliği olmayan çalışanlar ve işsizler.",
            "Работники и безработные без признанного профессионального образования.",
        ),
        "pays": (
            "Up to 100 % of the course fees and a wage subsidy.",
            "حتى 100 % من رسوم الدورة ومساهمة في الأجر.",
            "До 100 % вартості курсу та доплата до заробітної плати.",
            "Kurs ücretlerinin %100'üne kadar ve ücrete katkı.",
            "До 100 % стоимости курса и доплата к заработной плате.",
        ),
        "description": (
            "If you have no vocational qualification, you can gain one step by step: in partial qualifications, each covering one part of a trade, or in retraining. At the end you take the examination at the chamber. The employment agency can pay for this.",
            "من ليس لديه مؤهل مهني يمكنه الحصول عليه خطوة بخطوة: عبر مؤهلات جزئية يغطي كل منها جزءًا من مهنة، أو عبر إعادة التأهيل. في النهاية يأتي الامتحان لدى الغرفة المهنية. يمكن لوكالة العمل أن تدفع تكاليف ذلك.",
            "Хто не має професійної освіти, може здобути її крок за кроком: через часткові кваліфікації, кожна з яких охоплює частину професії, або через перекваліфікацію. Наприкінці – іспит у палаті. Агентство з працевлаштування може це оплатити.",
            "Mesleki yeterliliği olmayan kişi bunu adım adım tamamlayabilir: her biri bir mesleğin bir bölümünü kapsayan kısmi yeterliliklerle veya yeniden eğitimle. Sonunda meslek odasında sınav vardır. İş Ajansı bunun parasını ödeyebilir.",
            "Тот, у кого нет профессионального образования, может получить его шаг за шагом: через частичные квалификации, каждая из которых охватывает часть профессии, или через переобучение. В конце – экзамен в палате. Агентство занятости может это оплатить.",
        ),
    },
    "qualifizierungsgeld": {
        "eligible": (
            "Employers whose employees need extensive further training because of structural change.",
            "أصحاب العمل الذين يحتاج موظفوهم إلى تدريب شامل بسبب التحول الهيكلي.",
            "Роботодавці, чиї працівники потребують ґрунтовного навчання через структурні зміни.",
            "Çalışanlarının yapısal değişim nedeniyle kapsamlı ileri eğitim alması gereken işverenler.",
            "Работодатели, чьим работникам нужно серьёзное обучение из-за структурных изменений.",
        ),
        "pays": (
            "60 % (with a child 67 %) of the lost net pay as a wage replacement during the training.",
            "60 % (مع طفل 67 %) من صافي الأجر المفقود كبديل عن الأجر أثناء التدريب.",
            "60 % (з дитиною 67 %) втраченої чистої зарплати як заміна заробітку під час навчання.",
            "Eğitim sırasında kaybedilen net ücretin %60'ı (çocuklu %67'si) ücret yerine ödenir.",
            "60 % (с ребёнком 67 %) потерянной чистой зарплаты как замена заработка во время обучения.",
        ),
        "description": (
            "If a large part of the workforce has to learn new skills because of change – for example in the car industry – the employment agency pays a wage replacement during the training, similar to the short-time work allowance.",
            "إذا كان على جزء كبير من العاملين أن يتعلموا من جديد بسبب التحول – مثلًا في صناعة السيارات – تدفع وكالة العمل بديلًا عن الأجر أثناء التدريب، على غرار بدل العمل المختصر (Kurzarbeitergeld).",
            "Якщо значна частина персоналу через зміни – наприклад, в автомобільній галузі – має навчатися заново, агентство з працевлаштування під час навчання виплачує заміну заробітку, подібно до допомоги при скороченому робочому часі.",
            "Değişim nedeniyle – örneğin otomotiv sektöründe – çalışanların büyük bir kısmı yeniden öğrenmek zorundaysa, İş Ajansı eğitim sırasında kısa çalışma ödeneğine benzer bir ücret desteği öder.",
            "Если большой части персонала из-за перемен – например, в автомобильной отрасли – нужно учиться заново, агентство занятости во время обучения платит замену заработка, похожую на пособие при неполном рабочем времени.",
        ),
    },
    "aufstiegs-bafoeg": {
        "eligible": (
            "People with a vocational qualification, with no age limit, for advanced training of at least 400 teaching hours to become a master craftsperson, technician, business specialist or similar.",
            "الأشخاص الحاصلون على مؤهل مهني، دون حد للعمر، لتدريب متقدم لا يقل عن 400 ساعة دراسية ليصبحوا معلمين حرفيين أو فنيين أو أخصائيي أعمال أو ما يماثل ذلك.",
            "Люди з професійною освітою, без вікових обмежень, для навчання обсягом щонайменше 400 навчальних годин на майстра, техніка, фахівця з управління або подібне.",
            "Mesleki yeterliliği olan kişiler, yaş sınırı olmadan, usta, tekniker, uzman veya benzeri olmak için en az 400 ders saatlik bir ileri eğitim için.",
            "Люди с профессиональным образованием, без ограничения возраста, для обучения объёмом не менее 400 учебных часов на мастера, техника, специалиста-управленца или аналогичную квалификацию.",
        ),
        "pays": (
            "Course and examination fees: a 50 % grant, the rest as a loan; half of the loan is waived if you pass the examination. For full-time courses also living costs (depending on income).",
            "رسوم الدورة والامتحان: منحة بنسبة 50 %، والباقي قرض يُعفى من نصفه عند النجاح في الامتحان. في الدوام الكامل أيضًا مساعدة لتكاليف المعيشة (حسب الدخل).",
            "Плата за курс та іспит: 50 % безповоротної допомоги, решта – позика, половину якої списують, якщо іспит складено. При денній формі навчання також кошти на проживання (залежно від доходу).",
            "Kurs ve sınav ücretleri: %50 hibe, geri kalanı kredi olarak; sınavı geçerseniz kredinin yarısı silinir. Tam zamanlı eğitimde ayrıca geçim desteği (gelire bağlı).",
            "Плата за курс и экзамен: 50 % безвозвратной субсидии, остальное – кредит, половину которого списывают при успешной сдаче экзамена. При очном обучении также средства на проживание (в зависимости от дохода).",
        ),
        "description": (
            "Do you want to become a master craftsperson, technician or business specialist? The Aufstiegs-BAföG pays half of the course fees as a gift. For the rest there is a low-cost loan – and if you pass the examination, you only pay back half of it.",
            "هل تريد أن تصبح معلمًا حرفيًا أو فنيًا أو أخصائي أعمال؟ تدفع منحة Aufstiegs-BAföG نصف رسوم الدورة كهبة. وللباقي يوجد قرض ميسّر – ومن ينجح في الامتحان يعيد نصفه فقط.",
            "Хочете стати майстром, техніком або фахівцем з управління? Aufstiegs-BAföG оплачує половину вартості курсу безповоротно. На решту є пільгова позика – а хто складе іспит, повертає лише половину.",
            "Usta, tekniker veya uzman olmak mı istiyorsunuz? Aufstiegs-BAföG kurs ücretlerinin yarısını hibe olarak öder. Geri kalanı için uygun bir kredi vardır – sınavı geçen kişi bunun sadece yarısını geri öder.",
            "Хотите стать мастером, техником или специалистом-управленцем? Aufstiegs-BAföG оплачивает половину стоимости курса безвозмездно. На остальное есть льготный кредит – а кто сдаст экзамен, возвращает только половину.",
        ),
    },
    "weiterbildungsstipendium": {
        "eligible": (
            "Young skilled workers under 25 at the time of admission with a very good vocational qualification.",
            "العمال المهرة الشباب الذين تقل أعمارهم عن 25 عامًا عند القبول والحاصلون على مؤهل مهني بتقدير ممتاز.",
            "Молоді фахівці, молодші 25 років на момент вступу, з дуже добрим результатом професійної освіти.",
            "Kabul sırasında 25 yaşından genç, çok iyi derecede mesleki yeterliliğe sahip genç kalifiye elemanlar.",
            "Молодые специалисты младше 25 лет на момент приёма с очень хорошим результатом профессионального образования.",
        ),
        "pays": (
            "Up to about €2,000 per year for three years, 10 % own contribution (check the current rules).",
            "حتى نحو 2000 يورو سنويًا لمدة ثلاث سنوات، مع مساهمة ذاتية بنسبة 10 % (تحقق من القواعد الحالية).",
            "До приблизно 2 000 € на рік протягом трьох років, власний внесок 10 % (перевірте актуальні правила).",
            "Üç yıl boyunca yılda yaklaşık 2.000 €'ya kadar, %10 kendi payı (güncel kuralları kontrol edin).",
            "До примерно 2 000 € в год в течение трёх лет, собственный взнос 10 % (проверьте актуальные правила).",
        ),
        "description": (
            "If you finished your vocational training particularly well, you can get help paying for further training over three years. You apply through the chamber.",
            "من أنهى تدريبه المهني بنتيجة جيدة جدًا يمكنه الحصول على دعم لتمويل التدريب المستمر على مدى ثلاث سنوات. يتم التقديم عبر الغرفة المهنية.",
            "Хто особливо добре завершив професійне навчання, може отримати часткове фінансування навчання протягом трьох років. Заявку подають через палату.",
            "Mesleki eğitimini özellikle iyi bitiren kişi, üç yıl boyunca ileri eğitimleri için finansman desteği alabilir. Başvuru meslek odası üzerinden yapılır.",
            "Тот, кто особенно хорошо окончил профессиональное обучение, может получить частичное финансирование обучения в течение трёх лет. Заявку подают через палату.",
        ),
    },
    "aufstiegsstipendium": {
        "eligible": (
            "Experienced workers with a vocational qualification and at least two years of work experience, for a first degree course.",
            "أصحاب الخبرة المهنية الحاصلون على مؤهل مهني وخبرة عملية لا تقل عن سنتين، للدراسة الجامعية الأولى.",
            "Люди з професійною освітою та щонайменше двома роками практичного досвіду, для першого навчання у виші.",
            "Mesleki yeterliliği ve en az iki yıllık iş deneyimi olan kişiler, ilk üniversite eğitimi için.",
            "Люди с профессиональным образованием и не менее чем двумя годами практического опыта, для первого высшего образования.",
        ),
        "pays": (
            "A monthly flat rate for full-time study, an annual amount for study alongside work (check the current rules).",
            "مبلغ شهري ثابت في الدراسة بدوام كامل، ومبلغ سنوي في الدراسة إلى جانب العمل (تحقق من القواعد الحالية).",
            "Щомісячна фіксована сума при денному навчанні, річна сума при навчанні без відриву від роботи (перевірте актуальні правила).",
            "Tam zamanlı öğrenimde aylık sabit bir tutar, çalışırken öğrenimde yıllık bir tutar (güncel kuralları kontrol edin).",
            "Ежемесячная фиксированная сумма при очном обучении, годовая сумма при обучении без отрыва от работы (проверьте актуальные правила).",
        ),
        "description": (
            "You have learned a trade, have been working for some years and now want to study? The advancement scholarship supports your first degree – also alongside your job.",
            "تعلّمت مهنة وتعمل منذ بضع سنوات وتريد الآن أن تدرس في الجامعة؟ منحة الترقي الدراسي تدعم دراستك الأولى – حتى إلى جانب العمل.",
            "Ви здобули професію, працюєте кілька років і тепер хочете вчитися у виші? Стипендія для навчання у виші підтримує вашу першу вищу освіту – також без відриву від роботи.",
            "Bir meslek öğrendiniz, birkaç yıldır çalışıyorsunuz ve şimdi üniversitede okumak mı istiyorsunuz? Yükselme bursu ilk üniversite eğitiminizi destekler – işinizin yanında da.",
            "Вы получили профессию, работаете несколько лет и теперь хотите учиться в вузе? Стипендия для учёбы в вузе поддерживает ваше первое высшее образование – в том числе без отрыва от работы.",
        ),
    },
    "esf-fachkurse-bw": {
        "eligible": (
            "Employees, especially in small and medium-sized businesses, self-employed people, people returning to work, people aged 55 and over and people without a vocational qualification in Baden-Württemberg.",
            "العاملون، وخاصة في الشركات الصغيرة والمتوسطة، وأصحاب الأعمال الحرة، والعائدون إلى العمل، ومن هم في سن 55 فما فوق، والأشخاص الذين ليس لديهم مؤهل مهني في بادن-فورتمبيرغ.",
            "Працівники, особливо малих і середніх підприємств, самозайняті, ті, хто повертається до роботи, люди від 55 років і люди без професійної освіти в Баден-Вюртемберзі.",
            "Baden-Württemberg'de özellikle küçük ve orta ölçekli işletmelerdeki çalışanlar, serbest çalışanlar, işe geri dönenler, 55 yaş ve üzeri kişiler ve mesleki yeterliliği olmayan kişiler.",
            "Работники, особенно малых и средних предприятий, самозанятые, возвращающиеся к работе, люди от 55 лет и люди без профессионального образования в Баден-Вюртемберге.",
        ),
        "pays": (
            "30 to 70 % of the course fees for courses of 8 to 160 teaching units.",
            "من 30 إلى 70 % من رسوم الدورة للدورات التي تتراوح بين 8 و160 وحدة دراسية.",
            "Від 30 до 70 % вартості курсу для курсів від 8 до 160 навчальних одиниць.",
            "8 ile 160 ders birimi arasındaki kurslar için kurs ücretlerinin %30 ile %70'i.",
            "От 30 до 70 % стоимости курса для курсов от 8 до 160 учебных единиц.",
        ),
        "description": (
            "In Baden-Württemberg many short specialist courses are cheaper because the state and the EU pay part of the fee. The subsidy is deducted directly from the price.",
            "في بادن-فورتمبيرغ تكون كثير من الدورات المتخصصة القصيرة أرخص، لأن الولاية والاتحاد الأوروبي يتحملان جزءًا من الرسوم. يُخصم الدعم مباشرة من السعر.",
            "У Баден-Вюртемберзі багато коротких спеціалізованих курсів дешевші, бо федеральна земля та ЄС покривають частину вартості. Допомогу віднімають одразу від ціни.",
            "Baden-Württemberg'de birçok kısa uzmanlık kursu daha ucuzdur, çünkü eyalet ve AB ücretin bir kısmını karşılar. Destek doğrudan fiyattan düşülür.",
            "В Баден-Вюртемберге многие короткие специализированные курсы дешевле, потому что федеральная земля и ЕС берут на себя часть стоимости. Субсидия вычитается прямо из цены.",
        ),
    },
    "bildungszeit-bw": {
        "eligible": (
            "Employees in Baden-Württemberg after twelve months with their employer.",
            "العاملون في بادن-فورتمبيرغ بعد اثني عشر شهرًا في الشركة.",
            "Працівники в Баден-Вюртемберзі після дванадцяти місяців роботи на підприємстві.",
            "Baden-Württemberg'de işletmede on iki ay çalışmış olan çalışanlar.",
            "Работники в Баден-Вюртемберге после двенадцати месяцев работы на предприятии.",
        ),
        "pays": (
            "Up to five working days of paid leave a year for approved further training.",
            "حتى خمسة أيام عمل إجازة مدفوعة الأجر سنويًا للتدريب المستمر المعترف به.",
            "До п'яти робочих днів оплачуваної відпустки на рік для визнаного навчання.",
            "Tanınmış ileri eğitimler için yılda beş iş gününe kadar ücretli izin.",
            "До пяти рабочих дней оплачиваемого отпуска в год для признанного обучения.",
        ),
        "description": (
            "For approved further training you may take up to five days of paid leave a year. Apply to your employer for the educational leave in good time.",
            "يحق لك أخذ إجازة مدفوعة الأجر حتى خمسة أيام في السنة من أجل تدريب مستمر معترف به. قدّم طلب إجازة التعليم لدى صاحب العمل في الوقت المناسب.",
            "Для визнаного навчання ви можете взяти до п'яти днів оплачуваної відпустки на рік. Подайте заяву на освітню відпустку роботодавцю завчасно.",
            "Tanınmış bir ileri eğitim için yılda beş güne kadar ücretli izin alabilirsiniz. Eğitim iznini işvereninizden zamanında isteyin.",
            "Для признанного обучения вы можете взять до пяти дней оплачиваемого отпуска в год. Подайте заявление на учебный отпуск работодателю заблаговременно.",
        ),
    },
    "bildungsfreistellung-mv": {
        "eligible": (
            "Employees in Mecklenburg-Vorpommern.",
            "العاملون في مكلنبورغ-فوربومرن.",
            "Працівники в Мекленбурзі-Передній Померанії.",
            "Mecklenburg-Vorpommern'deki çalışanlar.",
            "Работники в Мекленбурге-Передней Померании.",
        ),
        "pays": (
            "Up to five working days of paid leave a year for courses approved by LAGuS.",
            "حتى خمسة أيام عمل إجازة مدفوعة الأجر سنويًا للفعاليات التي يعترف بها مكتب LAGuS.",
            "До п'яти робочих днів оплачуваної відпустки на рік для заходів, визнаних LAGuS.",
            "LAGuS tarafından tanınan etkinlikler için yılda beş iş gününe kadar ücretli izin.",
            "До пяти рабочих дней оплачиваемого отпуска в год для мероприятий, признанных LAGuS.",
        ),
        "description": (
            "In Mecklenburg-Vorpommern you may take up to five days of paid leave a year for approved further training.",
            "في مكلنبورغ-فوربومرن يحق لك أخذ إجازة مدفوعة الأجر حتى خمسة أيام في السنة من أجل تدريب مستمر معترف به.",
            "У Мекленбурзі-Передній Померанії ви можете взяти до п'яти днів оплачуваної відпустки на рік для визнаного навчання.",
            "Mecklenburg-Vorpommern'de tanınmış ileri eğitimler için yılda beş güne kadar ücretli izin alabilirsiniz.",
            "В Мекленбурге-Передней Померании вы можете взять до пяти дней оплачиваемого отпуска в год для признанного обучения.",
        ),
    },
    "avgs": {
        "eligible": (
            "Job seekers and unemployed people.",
            "الباحثون عن عمل والعاطلون عن العمل.",
            "Шукачі роботи та безробітні.",
            "İş arayanlar ve işsizler.",
            "Ищущие работу и безработные.",
        ),
        "pays": (
            "Measures for activation and getting into work, for example coaching or a skills assessment.",
            "إجراءات التفعيل والاندماج المهني، مثل التدريب الشخصي (Coaching) أو تقييم الكفاءات.",
            "Заходи з активації та професійної інтеграції, наприклад коучинг або оцінка компетенцій.",
            "Aktivasyon ve mesleki uyum için önlemler, örneğin koçluk veya yetkinlik tespiti.",
            "Меры по активации и профессиональной интеграции, например коучинг или оценка компетенций.",
        ),
        "description": (
            "With the AVGS, the employment agency or the Jobcenter pays for coaching or an assessment of where you stand that makes it easier for you to find work.",
            "بقسيمة AVGS تدفع وكالة العمل أو مركز العمل تكاليف تدريب شخصي أو تقييم لوضعك يسهّل عليك طريقك إلى العمل.",
            "З AVGS агентство з працевлаштування або Jobcenter оплачує коучинг або визначення вашої ситуації, що полегшує шлях до роботи.",
            "AVGS ile İş Ajansı veya Jobcenter, işe giden yolunuzu kolaylaştıran bir koçluk veya durum tespiti için ödeme yapar.",
            "С AVGS агентство занятости или Jobcenter оплачивает коучинг или оценку вашей ситуации, которые облегчают путь к работе.",
        ),
    },
    "wegebau": {
        "eligible": (
            "Low-skilled workers and employees aged 45 and over in small and medium-sized businesses.",
            "ذوو المؤهلات المنخفضة والعاملون من سن 45 فما فوق في الشركات الصغيرة والمتوسطة.",
            "Низькокваліфіковані працівники та працівники від 45 років на малих і середніх підприємствах.",
            "KOBİ'lerde düşük nitelikli çalışanlar ve 45 yaş ve üzeri çalışanlar.",
            "Низкоквалифицированные работники и работники от 45 лет на малых и средних предприятиях.",
        ),
        "pays": (
            "Course fees and a wage subsidy.",
            "رسوم الدورة ومساهمة في الأجر.",
            "Вартість курсу та доплата до заробітної плати.",
            "Kurs ücretleri ve ücrete katkı.",
            "Стоимость курса и доплата к заработной плате.",
        ),
        "description": (
            "This programme no longer exists. It became part of the funding for employees under § 82 SGB III (Qualification Opportunities Act).",
            "لم يعد هذا البرنامج موجودًا. فقد أصبح جزءًا من دعم العاملين وفق المادة 82 من SGB III (قانون فرص التأهيل).",
            "Цієї програми більше немає. Вона стала частиною підтримки працівників за § 82 SGB III (Закон про можливості кваліфікації).",
            "Bu program artık yok. SGB III § 82 kapsamındaki çalışan desteğine (Nitelik Fırsatları Yasası) dahil edildi.",
            "Этой программы больше нет. Она вошла в поддержку работников по § 82 SGB III (Закон о возможностях квалификации).",
        ),
    },
}


def seeded_german() -> dict[str, dict[str, str]]:
    """slug: field: the German text 0004 seeded (the rows' later edits are the coordinators')."""
    seeded = importlib.import_module("offers.migrations.0004_seed_vocabularies").FUNDING
    return {
        slug: dict(zip(FIELDS, (eligible, pays, description), strict=True))
        for slug, _name, _short, _sponsor, _basis, eligible, pays, description, *_rest in seeded
    }


def seed(apps, schema_editor):
    german = seeded_german()
    for row in apps.get_model("offers", "FundingProgramme").objects.filter(slug__in=FUNDING):
        changed = False
        for field, texts in FUNDING[row.slug].items():
            if getattr(row, field) != german[row.slug][field]:
                continue  # a coordinator rewrote the German text: these translations would not match it
            for language, text in zip(ORDER, texts, strict=True):
                column = f"{field}_{language}"
                if not getattr(row, column):
                    setattr(row, column, text)
                    changed = True
        if changed:
            row.save()


class Migration(migrations.Migration):
    dependencies = [("offers", "0025_search_duration_price_language")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
