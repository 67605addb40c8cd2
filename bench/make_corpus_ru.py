"""Russian articles for bench/make_corpus.py (``--language ru``): the same kinds of paragraphs as
the English templates (trade, deals, projects, meetings, logistics, comment), written the way
Russian outlets write them: inflected names (Казахстан, Казахстана, с Казахстаном), decimal
commas, «млрд долларов», «$21 млрд», «более», «около», dates such as «17 июня 2025 года» and
periods such as «в январе–мае 2025 года». Every figure and name is drawn at random per article.
"""

from __future__ import annotations

import random

# name: nominative, genitive, instrumental, capital, capital (prepositional: «в Астане»)
COUNTRIES = {
    "Казахстан": ("Казахстан", "Казахстана", "Казахстаном", "Астана", "Астане"),
    "Узбекистан": ("Узбекистан", "Узбекистана", "Узбекистаном", "Ташкент", "Ташкенте"),
    "Кыргызстан": ("Кыргызстан", "Кыргызстана", "Кыргызстаном", "Бишкек", "Бишкеке"),
    "Таджикистан": ("Таджикистан", "Таджикистана", "Таджикистаном", "Душанбе", "Душанбе"),
    "Туркменистан": ("Туркменистан", "Туркменистана", "Туркменистаном", "Ашхабад", "Ашхабаде"),
}
PARTNERS = (  # nominative, genitive, instrumental
    ("Китай", "Китая", "Китаем"),
    ("КНР", "КНР", "КНР"),
    ("Россия", "России", "Россией"),
    ("Турция", "Турции", "Турцией"),
)
ORGANIZATIONS = (
    "CNPC",
    "Банк развития Китая",
    "Эксимбанк Китая",
    "Huawei",
    "КазМунайГаз",
    "Главное таможенное управление КНР",
    "министерство инвестиций",
    "Бюро национальной статистики",
)
PEOPLE = ("Айбек Нурланов", "Дильноза Каримова", "Рустам Саидов", "Ли Вэй", "Ван Цзюнь")
ROLES = ("заместитель министра торговли", "посол", "глава таможенной службы", "экономист")
GOODS = ("пшеницы", "меди", "хлопка", "природного газа", "урана", "удобрений", "стали")
SECTORS = ("энергетики", "транспорта", "сельского хозяйства", "горнодобычи", "логистики")
PROJECTS = ("железной дороги", "сухого порта", "солнечной электростанции", "газопровода")
MONTHS = (
    ("января", "январе"), ("февраля", "феврале"), ("марта", "марте"), ("апреля", "апреле"),
    ("мая", "мае"), ("июня", "июне"), ("июля", "июле"), ("августа", "августе"),
    ("сентября", "сентябре"), ("октября", "октябре"), ("ноября", "ноябре"),
    ("декабря", "декабре"),
)  # fmt: skip
OUTLETS = ("Степной вестник", "Каспий сегодня", "Шёлковый путь", "Памир-Пресс")
WORDS = ("двух", "трёх", "четырёх", "пяти")


class RussianWriter:
    """Fills the Russian templates for one article with its own draws."""

    def __init__(self, rng: random.Random, number: int):
        self.rng = rng
        self.number = number
        name = rng.choice(list(COUNTRIES))
        self.country, self.of_country, self.with_country, self.capital, self.in_capital = COUNTRIES[
            name
        ]
        self.partner, self.of_partner, self.with_partner = (
            PARTNERS[rng.randrange(2)] if rng.random() < 0.8 else rng.choice(PARTNERS)
        )
        self.year = rng.randint(2018, 2025)

    def pick(self, options):
        return self.rng.choice(options)

    def count(self, low=2, high=90) -> int:
        return self.rng.randint(low, high)

    def money(self) -> str:
        value = f"{self.rng.uniform(0.1, 95):.{self.rng.choice((1, 2))}f}".replace(".", ",")
        form = self.rng.randrange(6)
        if form == 0:
            return f"{value} млрд долларов"
        if form == 1:
            return f"${value} млрд"
        if form == 2:
            return f"{self.count(10, 900)} млн долларов США"
        if form == 3:
            return f"{value} млрд юаней"
        if form == 4:
            return f"около {value} млрд долларов"
        return f"более {self.count(100, 900)} млн долл."

    def period(self) -> str:
        form = self.rng.randrange(4)
        if form == 0:
            return f"в {self.year} году"
        if form == 1:
            return f"за первые {self.pick(('три', 'четыре', 'шесть', 'девять'))} месяца {self.year} года"
        if form == 2:
            return f"в январе–{self.pick(MONTHS[2:])[1]} {self.year} года"
        return "в прошлом году"

    def date(self) -> str:
        return f"{self.count(1, 28)} {self.pick(MONTHS)[0]} {self.year} года"

    def person(self) -> str:
        return f"{self.pick(ROLES)} {self.pick(PEOPLE)}"

    def trade(self) -> str:
        return self.pick(
            (
                f"Товарооборот между {self.with_country} и {self.with_partner} {self.period()} "
                f"составил {self.money()}, сообщает {self.pick(ORGANIZATIONS)}.",
                f"Экспорт {self.of_country} в {self.partner} вырос на {self.count(2, 60)}% и "
                f"достиг {self.money()} {self.period()}, импорт составил {self.money()}.",
                f"Объём торговли {self.of_country} и {self.of_partner} {self.period()} превысил "
                f"{self.money()}, заявил журналистам в {self.in_capital} {self.person()}.",
                f"Поставки {self.pick(GOODS)} из {self.of_country} в {self.partner} выросли до "
                f"{self.count(10, 900)} тыс. тонн {self.period()}.",
            )
        )

    def deal(self) -> str:
        return self.pick(
            (
                f"Стороны подписали {self.count()} соглашений на сумму {self.money()} в "
                f"{self.in_capital} {self.date()} в сферах {self.pick(SECTORS)} и "
                f"{self.pick(SECTORS)}.",
                f"{self.pick(ORGANIZATIONS)} и партнёры из {self.of_country} подписали "
                f"меморандум о строительстве {self.pick(PROJECTS)} стоимостью {self.money()}.",
                f"В ходе визита подписано более {self.count()} документов общей стоимостью "
                f"{self.money()}, сообщили в {self.in_capital}.",
            )
        )

    def project(self) -> str:
        return self.pick(
            (
                f"Строительство {self.pick(PROJECTS)} под {self.capital} началось в {self.year} "
                f"году; его стоимость оценивается в {self.money()}, будет создано "
                f"{self.count(200, 9000)} рабочих мест.",
                f"Правительство сообщило, что строительство {self.pick(PROJECTS)} завершится к "
                f"{self.year + self.count(1, 5)} году.",
            )
        )

    def meeting(self) -> str:
        return self.pick(
            (
                f"Лидеры встретились в {self.in_capital} {self.date()} на "
                f"{self.pick(('втором', 'третьем', 'четвёртом'))} саммите «Центральная Азия – Китай».",
                f"{self.person()} посетил {self.partner} {self.date()} для переговоров в сфере "
                f"{self.pick(SECTORS)}.",
                f"Бизнес-форум в {self.in_capital} собрал {self.count(100, 3000)} участников из "
                f"{self.count(5, 40)} стран.",
            )
        )

    def logistics(self) -> str:
        return (
            f"Грузовые поезда перевезли через {self.country} {self.count(1000, 90000)} "
            f"контейнеров {self.period()}, что на {self.count(2, 40)}% больше, чем годом ранее."
        )

    def comment(self) -> str:
        return self.pick(
            (
                f"Аналитики в {self.in_capital} считают, что сфера {self.pick(SECTORS)} "
                f"останется в центре сотрудничества ещё {self.pick(WORDS)} лет ({self.number % 97}).",
                f"По словам {self.pick(PEOPLE)}, партнёрство с {self.with_partner} носит "
                f"{self.pick(('стратегический', 'прагматичный', 'всеобъемлющий'))} характер.",
            )
        )

    def headline(self) -> str:
        return self.pick(
            (
                f"{self.country} и {self.partner} расширяют сотрудничество в сфере {self.pick(SECTORS)}",
                f"Торговля {self.of_country} с {self.with_partner} продолжает расти",
                f"В {self.in_capital} прошли переговоры о строительстве {self.pick(PROJECTS)}",
            )
        )

    def article(self) -> tuple[str, list[str]]:
        kinds = (self.trade, self.deal, self.project, self.meeting, self.logistics, self.comment)
        paragraphs = [self.pick(kinds)() for _ in range(self.rng.randint(6, 14))]
        paragraphs.append(f"(Сообщение {self.number}, «{self.pick(OUTLETS)}».)")
        return self.headline(), paragraphs
