"""The catalog's sources: one per seed article, and every public source of a figure.

Keys are stable: ``seed-000`` ... ``seed-004`` are the seed articles (the
original article where the seed is a rewrite or a translation of it); ``S1``
... ``S92`` are the ids of the specification sources in the research notes;
other keys name the outlet and the date.

A title in parentheses is a description of an untitled item (a tweet, a tag
page, a forum repost), not a published title.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType

from dronemarket.dates import PartialDate
from dronemarket.sources import Source

__all__ = ["SEEDS", "sources"]

SEEDS: Mapping[str, str] = MappingProxyType(
    {
        "000_0485c542404f2b7b.txt": "seed-000",
        "001_24229b23dd7cf1bf.txt": "seed-001",
        "002_c58c0fe132c42d97.txt": "seed-002",
        "003_bc9a5cf43ed883ff.txt": "seed-003",
        "004_c83a5b605141cf03.txt": "seed-004",
    }
)
"""The seed article files, by file name, and the key of their :class:`Source`."""

# Each row holds the title, the publisher, the address, the date and the language.
_Row = tuple[str, str, str | None, str | None, str]

_SEED_ROWS: dict[str, _Row] = {
    "seed-000": (
        "(Turkey likely to take advantage of the Central Asian drone market)",
        "Forbes",
        None,
        "2022",
        "en",
    ),
    "seed-001": (
        "Turan tactic: Can Türkiye's defense diplomacy in Central Asia be disrupted?",
        "Asia News",
        "https://asia-news.biz/asia/turkey-asia/turan-tactic-disrupt-turkey-defense-diplomacy-central-asia",
        "2025",
        "en",
    ),
    "seed-002": (
        "Kasachstan möchte Dutzende TB2 Drohnen kaufen",
        "Balkanforum (German translation of The Defense Post)",
        None,
        None,
        "de",
    ),
    "seed-003": (
        "Chinese drone experts worked with sanctioned Russian arms maker",
        "Reuters",
        None,
        "2025-09-25",
        "en",
    ),
    "seed-004": (
        "Giappone e Turchia: nuove alleanze nella difesa con i droni",
        "Alground",
        "https://www.alground.com/site/giappone-turchia-aprono-nuova-era-cooperazione-militare/60186",
        "2025-08-19",
        "it",
    ),
}

# Public sources that confirm, date or correct the seeds' facts.
_FACT_ROWS: dict[str, _Row] = {
    "defensepost-2020-12-02": (
        "Kazakhstan Keen to Buy Dozens of Bayraktar TB2 Drones From Turkey: Russian Media",
        "The Defense Post",
        "https://www.thedefensepost.com/2020/12/02/kazakhstan-keen-bayraktar-tb2-drones/",
        "2020-12-02",
        "en",
    ),
    "ahval-2020-kazakhstan": (
        "(Kazakhstan interested in purchasing Bayraktar drones from Turkey)",
        "Ahval",
        "https://ahval.me/kazakhstan/kazakhstan-interested-purchasing-bayraktar-drones-turkey",
        "2020",
        "en",
    ),
    "dominokirke-2022": (
        "(Turkey likely to take advantage of the Central Asian drone market: copy of Forbes)",
        "dominokirke.com",
        "https://dominokirke.com/turkey-likely-to-take-advantage-of-central-asian-drone-market/",
        "2022",
        "en",
    ),
    "calgaryturkish-2022": (
        "(Forbes told about Turkey's drone diplomacy in CIS countries)",
        "Calgary Turkish Canadian Society",
        "https://calgaryturkishcanadian.org/forbes-told-about-turkeys-drone-diplomacy-in-cis-countries/",
        "2022",
        "en",
    ),
    "ukrpravda-2025-09-25": (
        "Chinese drone experts worked with sanctioned Russian arms maker (Reuters)",
        "Ukrainska Pravda",
        "https://www.pravda.com.ua/eng/news/2025/09/25/7532434/",
        "2025-09-25",
        "en",
    ),
    "unn-2025-09-25": (
        "Chinese drone experts worked with sanctioned Russian arms maker - Reuters",
        "UNN",
        "https://unn.ua/en/news/chinese-drone-experts-worked-with-sanctioned-russian-arms-maker-reuters",
        "2025-09-25",
        "en",
    ),
    "idntimes-2024-10": (
        "(US sanctions Chinese and Russian firms over drone production for the war)",
        "IDN Times",
        "https://www.idntimes.com/news/world/as-sanksi-china-dan-rusia-atas-pembuatan-drone-untuk-perang-01-8tblk-63xvmd/amp",
        "2024-10",
        "id",
    ),
    "hoganlovells-2024-11": (
        "US announces sanctions against Chinese entities assisting in Russian drone development",
        "Hogan Lovells",
        "https://hoganlovells.com/en/publications/us-announces-sanctions-against-chinese-entities-assisting-in-russian-drone-development",
        "2024-11",
        "en",
    ),
    "ifp-2022-05-17": (
        "Iran opens drone manufacturing factory in Tajikistan",
        "IFP News",
        "https://ifpnews.com/iran-opens-drone-manufacturing-factory-in-tajikistan/",
        "2022-05-17",
        "en",
    ),
    "kayhan-2022-05-17": (
        "Tajikistan launches production of Iranian drones",
        "Kayhan International",
        "https://kayhan.ir/en/news/102698/tajikistan-launches-production-of-iranian-drones",
        "2022-05-17",
        "en",
    ),
    "i24-2022-05-18": (
        "Iran opens drone factory in Tajikistan",
        "i24NEWS",
        "https://www.i24news.tv/en/news/middle-east/iran-eastern-states/1652888110-iran-opens-drone-factory-in-tajikistan",
        "2022-05-18",
        "en",
    ),
    "trends-2022-08-14": (
        "Drone race in Central Asia in the wake of the Taliban takeover",
        "Trends Research & Advisory",
        "https://trendsresearch.org/insight/drone-race-in-central-asia-in-the-wake-of-the-taliban-takeover/",
        "2022-08-14",
        "en",
    ),
    "shephard-central-asia": (
        "Central Asian drones: land of opportunity or saturated market?",
        "Shephard Media",
        "https://www.shephardmedia.com/news/uv-online/central-asian-drones-land-of-saturation-or-opportunity/",
        None,
        "en",
    ),
    "trt-2021-10-22": (
        "(Kyrgyzstan: Turkey is building Bayraktar armed drones for us)",
        "TRT World",
        "https://www.trtworld.com/article/12775130",
        "2021-10-22",
        "en",
    ),
    "asiaplus-2021-12-20": (
        "Turkish Bayraktar TB2 drones enter service with Kyrgyzstan's border troops",
        "Asia-Plus",
        "https://old.asiaplustj.info/en/news/centralasia/20211220/turkish-bayraktar-tb2-drones-enter-service-with-kyrgyzstans-border-troops",
        "2021-12-20",
        "en",
    ),
    "almonitor-2022-kyrgyz": (
        "Are Turkish drones complicating disputes in Central Asia",
        "Al-Monitor (copy)",
        "http://monroehelpcpc.net/are-turkish-drones-complicating-disputes-central-asia.html",
        "2022",
        "en",
    ),
    "oryx-2021-09-27": (
        "Turkmenistan Parades Newly-Acquired Bayraktar TB2s",
        "Oryx",
        "https://www.oryxspioenkop.com/2021/09/turkmenistan-parades-newly-acquired.html",
        "2021-09-27",
        "en",
    ),
    "trt-2022-05-11": (
        "Türkiye to produce Anka drones in Kazakhstan",
        "TRT World",
        "https://www.trtworld.com/article/12788560",
        "2022-05-11",
        "en",
    ),
    "caspian-2022-06-08": (
        "Kazakhstan's Drone Deal with Turkey Showcases Regional Security Focus",
        "Caspian Policy Center",
        "https://caspianpolicy.org/research/security/kazakhstans-drone-deal-with-turkey-showcases-regional-security-focus",
        "2022-06-08",
        "en",
    ),
    "defensenews-2020-06-25": (
        "Azerbaijan to buy armed drones from Turkey",
        "Defense News",
        "https://www.defensenews.com/unmanned/2020/06/25/azerbaijan-to-buy-armed-drones-from-turkey/",
        "2020-06-25",
        "en",
    ),
    "gur-ukraine-mou": (
        "(President of Ukraine visits a drone maker in Türkiye)",
        "Defence Intelligence of Ukraine (GUR)",
        "https://gur.gov.ua/content/prezydent-ukrainy-vidvidav-u-turechchyni-pidpryiemstvo-z-vyrobnytstva-bezpilotnykiv.html",
        None,
        "uk",
    ),
    "dailysabah-2021-05-22": (
        "Poland to purchase Turkey's combat drones in 1st NATO sale",
        "Daily Sabah",
        None,
        "2021-05-22",
        "en",
    ),
    "ap-2021-05-24": (
        "Poland to acquire 24 Turkish combat drones",
        "Associated Press (via Daily Mail)",
        "https://www.dailymail.co.uk/wires/ap/article-9613885/Poland-acquire-24-Turkish-combat-drones.html",
        "2021-05-24",
        "en",
    ),
    "qna-2019-02-08": (
        "(Turkey preparing to hand over six Bayraktar TB2 to Qatar)",
        "Qatar News Agency",
        None,
        "2019-02-08",
        "ar",
    ),
    "exit-2020-07-06": (
        "Serbia showcases new drone purchases despite promise to stop arms procurement",
        "Exit News",
        "https://exit.al/en/2020/07/06/serbia-showcases-new-drone-purchases-despite-promise-to-stop-arms-procurement/",
        "2020-07-06",
        "en",
    ),
    "exit-ch92a-price": (
        "(Serbia purchased 6 military drones from China for 19.3 million)",
        "Exit News",
        "https://exit.al/en/serbia-purchased-6-military-drones-from-china-for-19-3-million/",
        None,
        "en",
    ),
    "urdupoint-2020-10-06": (
        "(Serbian president confirms interest in buying Turkish drones)",
        "UrduPoint (Sputnik)",
        "https://www.urdupoint.com/en/world/serbian-president-confirms-interest-in-buying-1048721.html",
        "2020-10-06",
        "en",
    ),
    "ahval-2019-libya": (
        "Senior Tripoli government officials confirm receipt of Turkish armed drones - Bloomberg",
        "Ahval",
        "https://ahvalnews.com/libya-turkey/senior-tripoli-government-officials-confirm-receipt-turkish-armed-drones-bloomberg",
        "2019",
        "en",
    ),
    "defenceweb-2019-wing-loong": (
        "(UAE supplies Chinese-made Wing Loong drones to Haftar's forces, say UN experts)",
        "defenceWeb (Reuters)",
        None,
        "2019",
        "en",
    ),
    "devdiscourse-2025-08-19": (
        "Japan and Turkey Strengthen Defense Ties with Potential Drone Collaboration",
        "Devdiscourse (Reuters)",
        None,
        "2025-08-19",
        "en",
    ),
    "defaiya-2025-08-26": (
        "Japan Explores Possibility of Acquiring Turkish Drones",
        "Defaiya",
        "https://www.defaiya.com/news/Defense%20News/Asia/2025/08/26/japan-explores-possibility-of-acquiring-turkish-drones",
        "2025-08-26",
        "en",
    ),
    "jiji-2025-08-19": (
        "Defense Ministry Seen Seeking Record 8.8 T. Yen Budget",
        "nippon.com (Jiji Press)",
        "https://www.nippon.com/en/news/yjj2025081901034/defense-ministry-seen-seeking-record-8-8-t--yen-budget.html",
        "2025-08-19",
        "en",
    ),
    "jiji-2025-08-29": (
        "Japan Seeks Record Defense Budget of 8.8 T. Yen for FY 2026",
        "nippon.com (Jiji Press)",
        "https://www.nippon.com/en/news/yjj2025082900600/japan-seeks-record-defense-budget-of-8-8-t-yen-for-fy-2026.html",
        "2025-08-29",
        "en",
    ),
    "jiji-2025-12-26": (
        "Japan Sets Record FY 2026 Defense Budget, Eyeing China, N. Korea",
        "nippon.com (Jiji Press)",
        "https://www.nippon.com/en/news/yjj2025122600204/japan-sets-record-fy-2026-defense-budget-eyeing-china-n-korea.html",
        "2025-12-26",
        "en",
    ),
    "turdef-kaga": (
        "Japan Puts Modified JS Kaga DDH On Sea Trials",
        "TURDEF",
        "https://turdef.com/article/japan-puts-modified-js-kaga-ddh-on-sea-trials",
        None,
        "en",
    ),
    "defensemirror-2022-04-29": (
        "(Tajikistan reportedly buying Bayraktar TB2)",
        "Defense Mirror",
        None,
        "2022-04-29",
        "en",
    ),
    "24kg-2022-04": (
        "(Kulubaev: Turkey sent Bayraktars to Tajikistan)",
        "24.kg",
        None,
        "2022-04",
        "en",
    ),
}

# The specification sources, by their id in the research notes.
_SPEC_ROWS: dict[str, _Row] = {
    "S1": (
        "Bayraktar TB2 gökyüzünde en uzun süre kalan milli hava aracı oldu",  # noqa: RUF001 - the title as published
        "Webtekno",
        "https://webtekno.com/bayraktar-tb2-gokyuzunde-en-uzun-sure-kalan-milli-hava-araci-oldu-h59963.html",
        None,
        "tr",
    ),
    "S2": (
        "Bayraktar TB2 on Rhodes",
        "C4Defence",
        "http://en.c4defence.com/Agenda/bayraktar-tb2-on-rhodes/10545/1",
        "2020-08-12",
        "en",
    ),
    "S3": (
        "Romania seeks to buy Bayraktar TB2 UCAVs",
        "Army Recognition",
        "https://armyrecognition.com/news/aerospace-news/2022/romania-seeks-to-buy-bayraktar-tb2-ucavs",
        "2022",
        "en",
    ),
    "S4": (
        "Pierwsze loty Bayraktar TB3. Nowy dron robi ogromne wrażenie",
        "WP Tech",
        "https://tech.wp.pl/pierwsze-loty-bayraktar-tb3-nowy-dron-robi-ogromne-wrazenie,6954505463429632a",
        "2023-10",
        "pl",
    ),
    "S5": (
        "Na wojnie w Górskim Karabachu najlepiej wyjdą Turcy",
        "WP Tech",
        "https://tech.wp.pl/na-wojnie-w-gorskim-karabachu-najlepiej-wyjda-turcy-ukraina-i-serbia-chetne-na-drony-bayraktar-tb2-6562138208614944a",
        "2020-10",
        "pl",
    ),
    "S6": (
        '"Bayraktar TB2" layihəsi gizli şəkildə həyata keçirilib',
        "Avropa.info",
        "http://avropa.info/post/378996",
        None,
        "az",
    ),
    "S7": (
        "Seberapa sukses drone Turki membantu pasukan Ukraina",
        "IDN Times",
        "https://www.idntimes.com/news/world/seberapa-sukses-drone-turki-membantu-pasukan-ukraina-01-78mbs-f4m0vn/amp",
        None,
        "id",
    ),
    "S8": (
        "Ukrajina nakúpi od Turecka prieskumné drony",
        "TERAZ.sk (TASR)",
        "http://www.teraz.sk/zahranicie/ukrajina-nakupi-od-turecka-prieskumne/372163-clanok.html",
        None,
        "sk",
    ),
    "S9": (
        "Drone Turki sukses uji tembak rudal",
        "JejakTapak",
        "https://jejaktapak.com/2015/12/21/drone-turki-sukses-uji-tembak-rudal",
        "2015-12-21",
        "id",
    ),
    "S12": (
        "The Bayraktar TB2: Türkiye's Sky Warrior Drones",
        "DefenseTechGlobal",
        "https://defensetechglobal.com/the-bayraktar-tb2-turkiyes-sky-warrior-drones",
        "2025-05-06",
        "en",
    ),
    "S17": (
        "(Upgraded Bayraktar drone takes off from and lands on a ship)",
        "RT Arabic",
        None,
        "2024-11",
        "ar",
    ),
    "S18": (
        "(Bayraktar TB3 take-off and landing on TCG Anadolu)",
        "SSBCrack",
        "https://ssbcrack.com/?p=75254",
        "2024-11",
        "en",
    ),
    "S19": (
        "Bayraktar TB3 high altitude test",
        "flight.com.gr",
        "https://flight.com.gr/bayraktar-tb3-high-alt-test",
        "2024",
        "el",
    ),
    "S20": (
        "Turkey's Baykar kicks off Bayraktar TB3 UCAV flight testing",
        "Key.Aero",
        "https://www.key.aero/article/turkeys-baykar-kicks-bayraktar-tb3-ucav-flight-testing",
        "2023-11",
        "en",
    ),
    "S24": (
        "Πέταξε το Bayraktar TB3 και θα επιχειρεί από το αεροπλανοφόρο TCG Anadolu",
        "Polemiki Aeroporia HAF",
        "https://www.polemikiaeroporiahaf.gr/petaxe-to-bayraktar-tb3-kai-tha-epicheirei-apo-to-aeroplanoforo-tcg-anadolu/",
        "2023",
        "el",
    ),
    "S26": (
        "Anka's away - Turkey's UAV makes first flight",
        "Times Aerospace",
        "http://timesaerospace.aero/news/defence/ankas-away-turkeys-uav-makes-first-flight",
        "2011-01",
        "en",
    ),
    "S27": (
        "Turkey in talks for 10 Anka UAVs",
        "Flightglobal",
        "https://flightglobal.com/turkey-in-talks-for-10-anka-uavs/104827.article",
        None,
        "en",
    ),
    "S28": (
        "Pictures: Turkey's homegrown UAV makes first flight",
        "Flightglobal",
        "https://www.flightglobal.com/pictures-turkeys-homegrown-uav-makes-first-flight/97710.article",
        "2011-01",
        "en",
    ),
    "S29": (
        "Turkey's homegrown UAV makes first flight",
        "TurkishNews.com",
        "https://turkishnews.com/en/content/2011/01/05/turkeys-homegrown-uav-makes-first-flight/?amp=1",
        "2011-01-05",
        "en",
    ),
    "S30": (
        "Η TAI παρουσιάζει το UAV MALE Anka",  # noqa: RUF001 - the title as published
        "National-Pride.org",
        None,
        "2010-07-17",
        "el",
    ),
    "S31": (
        "TAI Unveils ANKA Unmanned Airplane",
        "TR Defence",
        "http://www.trdefence.com/2010/07/16/1121/",
        "2010-07-16",
        "en",
    ),
    "S33": (
        "Turkish aircraft to be produced serially",
        "Hürriyet Daily News",
        "https://hurriyetdailynews.com/amp/turkish-aircraft-to-be-produced-serially-42178",
        None,
        "en",
    ),
    "S36": (
        "Turkish Aerospace's Anka UCAV sets flight record at over 30 hours",
        "Armenian Club (repost of Turkish press)",
        "https://armenianclub.com/2022/01/30/turkish-press-turkish-aerospaces-anka-ucav-sets-flight-record-at-over-30-hours/amp",
        "2022-01-30",
        "en",
    ),
    "S37": (
        "Türk subaylarının verdiği eğitim belirleyici oldu",  # noqa: RUF001 - the title as published
        "Samsun Gazetesi",
        "https://www.samsungazetesi.com/genel/turk-subaylarinin-verdigi-egitim-belirleyici-oldu-h669569.html",
        None,
        "tr",
    ),
    "S38": (
        "Turkish drone Anka makes debut flight",
        "Defense News",
        "https://defensenews.com/industry/2016/02/07/turkish-drone-anka-makes-debut-flight",
        "2016-02-07",
        "en",
    ),
    "S40": (
        "Factory manufacturing Iranian Ababil-2 military drones inaugurated in Tajikistan",
        "Asia-Plus",
        "https://www.asiaplustj.info/en/news/tajikistan/security/20220517/factory-manufacturing-iranian-ababil-2-military-drones-inaugurated-in-tajikistan",
        "2022-05-17",
        "en",
    ),
    "S41": (
        "Iranian 'Ababil 2' UAV plant inaugurated in Tajikistan",
        "Trend",
        "https://en.trend.az/iran/politics/3596415.html",
        "2022-05-17",
        "en",
    ),
    "S43": (
        "Iran announces production of new military drone in Tajikistan",
        "Times of Israel",
        "https://www.timesofisrael.com/iran-announces-production-of-new-military-drone-in-tajikistan/",
        "2022-05",
        "en",
    ),
    "S46": (
        "(Garpiya-A1 with Chinese engines)",
        "Kyiv Post",
        "https://fu.kyivpost.com/post/38955",
        "2024-09",
        "en",
    ),
    "S47": (
        "Russia making new kamikaze drone with Chinese engine, US voices concern",
        "Artifex News (Reuters)",
        "https://artifexnews.net/russia-making-new-kamikaze-drone-with-chinese-engine-us-voices-concern-6559498",
        "2024-09",
        "en",
    ),
    "S48": (
        'Russia. Nuovo drone "Garpiya-A1"',
        "Notizie Geopolitiche",
        "https://www.notiziegeopolitiche.net/russia-nuovo-drone-garpiva-a1/",
        "2024-09",
        "it",
    ),
    "S52": (
        "Ce sunt dronele Shahed 136 folosite de Rusia în războiul din Ucraina",
        "Euronews România",
        "https://www.euronews.ro/articole/ce-sunt-dronele-shahed-136-folosite-de-rusia-in-razboiul-din-ucraina",
        None,
        "ro",
    ),
    "S53": (
        "Terror en Ucrania por drones kamikaze rusos que provocaron graves destrozos en ciudades",
        "Los Andes",
        "https://losandes.com.ar/mundo/terror-en-ucrania-por-drones-kamikaze-rusos-que-provocaron-graves-destrozos-en-ciudades",
        None,
        "es",
    ),
    "S54": (
        "Así funcionan los drones kamikazes rusos",
        "Antena 3",
        "https://amp.antena3.com/noticias/mundo/asi-funcionan-drones-kamikazes-rusos-que-han-lanzando-ucrania_20221005633da85eed945b0001ddcee6.html",
        "2022-10-05",
        "es",
    ),
    "S55": (
        "ППО збила Шахед у Харківській області",  # noqa: RUF001 - the title as published
        "SQ",
        "https://www.sq.com.ua/ukr/novini/10.11.2023/ppo-zbila-saxed-u-xarkivskii-oblasti",
        "2023-11-10",
        "uk",
    ),
    "S56": (
        "They're slow, loud and 'bargain-basement'. So why is Russia using kamikaze drones?",
        "CBC (via webjosh.com)",
        "https://webjosh.com/article/they-re-slow-loud-and-bargain-basement-so-why-is-russia-using-kamikaze-drones-against-ukraine-1666080389-14326",
        "2022-10",
        "en",
    ),
    "S57": (
        "The week around the world in 20 pictures",
        "The Guardian",
        "https://www.theguardian.com/artanddesign/gallery/2022/oct/21/the-week-around-the-world-in-20-pictures",
        "2022-10-21",
        "en",
    ),
    "S58": (
        "Drona Shahed-136 care a survolat România, o armă low-cost",
        "EVZ",
        "https://evz.ro/drona-shahed-136-care-a-survolat-romania-o-arma-low-cost.html",
        "2025-09-15",
        "ro",
    ),
    "S59": (
        "CNA Explains: How Iran's Shahed drones are shaping war in the Middle East",
        "CNA",
        "https://www.channelnewsasia.com/world/iran-shahed-drone-middle-east-war-us-israel-5966141",
        "2026-03-03",
        "en",
    ),
    "S60": (
        "Suicide drones linked to Iran have made their way to Yemen rebels, photos suggest",
        "Iran Briefing (Newsweek)",
        "https://iranbriefing.net/suicide-drones-linked-to-iran-have-made-their-way-to-yemen-rebels-photos-suggest",
        None,
        "en",
    ),
    "S61": (
        "Neue Kamikaze-Drohne bei Militärparade gezeigt",
        "Deutschlandfunk",
        "https://www.deutschlandfunk.de/neue-kamikaze-drohne-bei-militaerparade-gezeigt-104.html",
        "2024-09-21",
        "de",
    ),
    "S62": (
        "Iran sends its cheap and best Shahed drones at expensive targets",
        "NDTV",
        "https://www.ndtv.com/world-news/iran-sends-its-cheap-and-best-shahed-drones-at-expensive-targets-11151219",
        "2026-02-28",
        "en",
    ),
    "S63": (
        "Türk Kargu Peru'da 'baron' peşinde",
        "Eşhaber (Milliyet)",
        "https://eshahaber.com.tr/amp/haber/turk-kargu-peruda-baron-pesinde-49984.html",
        None,
        "tr",
    ),
    "S64": (
        "Türkiye'nin ilk drone ordusu 2020'de",
        "NTV (Hürriyet)",
        "https://www.ntv.com.tr/teknoloji/turkiyenin-ilk-drone-ordusu-2020de,4d3ExxnjvkGy5IFZtH5RyA",
        "2019-09",
        "tr",
    ),
    "S65": (
        "VN: quadcopterdrone viel vorig jaar autonoom een mens aan in Libië",
        "Tweakers",
        "https://tweakers.net/nieuws/182344/vn-quadcopterdrone-viel-vorig-jaar-autonoom-een-mens-aan-in-libie.html",
        None,
        "nl",
    ),
    "S67": (
        "African militaries show interest in Kargu but Japan may remain elusive",
        "Shephard Media",
        "https://www.shephardmedia.com/news/air-warfare/african-militaries-show-interest-in-kargu-but-japan-may-remain-elusive/",
        "2022-10-06",
        "en",
    ),
    "S70": (
        "Chengdu Pterodactyl I/Wing Loong",
        "UAV Global",
        "http://www.uavglobal.com/pterodactyl/",
        None,
        "en",
    ),
    "S71": (
        "Wing Loong on display at China Air Show",
        "UAS Vision",
        "http://uasvision.com/2012/11/15/wing-loong-on-display-at-china-air-show",
        "2012-11-15",
        "en",
    ),
    "S72": (
        "This deadly Chinese drone could be an export hit",
        "Rediff (China Daily)",
        "https://m.rediff.com/news/report/this-deadly-chinese-drone-could-be-an-export-hit/20170301.htm",
        "2017-03-01",
        "en",
    ),
    "S73": (
        "China's AVIC achieves first flight of Wing Loong II UAV",
        "AIN Online",
        "https://ainonline.com/aviation-news/defense/2017-02-28/chinas-avic-achieves-first-flight-wing-loong-ii-uav",
        "2017-02-28",
        "en",
    ),
    "S74": (
        "Chinese drone Wing-Loong II conducts maiden flight",
        "SpaceWar (UPI)",
        "http://www.spacewar.com/reports/Chinese_drone_Wing-Loong_II_conducts_maiden_flight_999.html",
        "2017-02-28",
        "en",
    ),
    "S75": (
        "China prueba con éxito su nuevo dron multipropósito Wing Loong II",
        "AzVision (Sputnik)",
        "https://es.azvision.az/news/12969/china-prueba-con-%C3%A9xito-su-nuevo-dron-multiprop%C3%B3sito-wing-loong-ii.html",
        "2017",
        "es",
    ),
    "S76": (
        "Latest-generation Chinese combat drone makes maiden flight",
        "Khaleej Times (AP)",
        "https://kt10.khaleejtimes.ae/index.php/2017/03/01/latest-generation-chinese-combat-drone-makes-maiden-flight/",
        "2017-03-01",
        "en",
    ),
    "S77": (
        "Zhuhai Air Show 2018: Wing Loong II now serves in PLA",
        "awuav.world",
        "http://awuav.world/zhuhai-air-show-2018-wing-loong-ii-now-serves-in-pla/",
        "2018-11",
        "en",
    ),
    "S78": (
        "(PAF has operated AVIC's Wing Loong I since 2015)",
        "Offiziere.ch",
        "https://www.offiziere.ch/?p=32582",
        "2018-01",
        "en",
    ),
    "S80": (
        "Chinese military-grade drones arrive in Serbia",
        "N1 Serbia (Sputnik)",
        "https://rs.n1info.com/english/news/a615186-chinese-military-grade-drones-arrive-in-serbia/",
        "2020-06-30",
        "en",
    ),
    "S81": (
        "(Serbia displays six CH-92A)",
        "ECCU",
        None,
        "2020-07",
        "fr",
    ),
    "S82": (
        "Serbia inducts six CH-92A attack drone purchased from China",
        "Defense Mirror",
        "https://defensemirror.com/news/27351/Serbia_Inducts_Six_CH_92A_Attack_Drone_Purchased_from_China",
        "2020-07",
        "en",
    ),
    "S83": (
        (
            "Cambodia must investigate drone crash amid report of secret visit by "
            "Chinese military analyst"
        ),
        "Cambodia Daily",
        "https://english.cambodiadaily.com/china/cambodia-must-investigate-drone-crash-amid-report-of-secret-visit-by-chinese-military-analyst-159635/",
        "2020-02",
        "en",
    ),
    "S85": (
        "Pesawat tempur buatan Cina perkuat militer Serbia",
        "Garda Nasional",
        "https://gardanasional.co.id/pesawat-tempur-buatan-cina-perkuat-militer-sebia/",
        "2020-07",
        "id",
    ),
    "S88": (
        "Tests of ANKA's Indigenous Engine Completed, Countdown Began",
        "C4Defence",
        "http://en.c4defence.com/Archive/ankanin-yerli-motoru-testleri-tamamlandi-teslime-gun-sayiyor/4979/1",
        "2017-10-13",
        "en",
    ),
    "S91": (
        "Les premières preuves de l'utilisation de drones iraniens en Ukraine",
        "Topcor",
        "https://fr.topcor.ru/28029-pojavilis-pervye-svidetelstva-primenenija-iranskih-dronov-na-ukraine.html",
        "2022-09",
        "fr",
    ),
    "S92": (
        "Iran-Kamikaze-Drohne Ukraine-Krieg",
        "Futurezone",
        "https://futurezone.at/digital-life/iran-kamikaze-drohne-ukraine-krieg/402150693",
        "2022-09",
        "de",
    ),
}


# The SIPRI Arms Transfers Database, for the spellings its exports give the catalog's
# platforms (its designations are aliases where they name the same platform).
_SIPRI_ROWS: dict[str, _Row] = {
    "sipri-atdb-2026-05": (
        "SIPRI Arms Transfers Database (trade register, generated 18 May 2026)",
        "Stockholm International Peace Research Institute (SIPRI)",
        "https://www.sipri.org/databases/armstransfers",
        "2026-05-18",
        "en",
    ),
    "sipri-atdb-2026-02": (
        "SIPRI Arms Transfers Database (per-delivery export, generated 12 Feb 2026)",
        "Stockholm International Peace Research Institute (SIPRI)",
        "https://www.sipri.org/databases/armstransfers",
        "2026-02-12",
        "en",
    ),
}


def _source(row: _Row) -> Source:
    title, publisher, url, published, language = row
    return Source(
        title,
        publisher=publisher,
        url=url,
        published=PartialDate.parse(published) if published else None,
        language=language,
    )


@functools.cache
def sources() -> Mapping[str, Source]:
    """Return every source of the catalog, by key (built on first call)."""
    rows = {**_SEED_ROWS, **_FACT_ROWS, **_SPEC_ROWS, **_SIPRI_ROWS}
    return MappingProxyType({key: _source(row) for key, row in rows.items()})
