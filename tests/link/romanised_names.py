"""Names of one person in the romanisations of different countries, and look-alikes.

Synthetic: common name elements combined by hand, not real persons. Each group is one person
(nationality, birth date, then the name as reports of different countries write it); the
look-alikes are different people whose names read alike: twins and siblings one name element
apart, namesakes born years apart, a father and his son, people sharing a common surname.
"""

from __future__ import annotations

# (nationality, birth date, spellings of one person's name)
SAME_PERSON: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # Vietnamese: diacritics, đ, family name first or last, middle name dropped, joined
    (
        "VN",
        "1988-03-07",
        (
            "Nguyễn Văn An",
            "Nguyen Van An",
            "An Nguyen Van",
            "Van An Nguyen",
            "NguyenVanAn",
            "Nguyen An",
            "An Nguyen",
            "NGUYỄN VĂN AN",
        ),
    ),
    (
        "VN",
        "1990-03-04",
        ("Trần Thị Mai", "Tran Thi Mai", "Mai Tran", "Tran Mai", "Thi Mai Tran", "TranThiMai"),
    ),
    ("VN", "1985-12-01", ("Đặng Văn Đức", "Dang Van Duc", "Duc Dang", "Đặng Đức", "Dang Duc")),
    ("VN", "1992-06-15", ("Phạm Minh Tuấn", "Pham Minh Tuan", "Tuan Pham Minh", "Minh Tuan Pham")),
    (
        "VN",
        "1995-09-09",
        ("Lê Thị Hồng Nhung", "Le Thi Hong Nhung", "Hong Nhung Le", "Le Hong Nhung"),
    ),
    ("VN", "1979-02-14", ("Đỗ Đình Hùng", "Do Dinh Hung", "Hung Do", "DoDinhHung")),
    # Chinese: Hokkien, Teochew, Cantonese, Hakka, pinyin and Wade-Giles spellings of one name
    (
        "MY",
        "1983-05-21",
        (
            "Tan Wei Ming",
            "Chen Weiming",
            "Tan Wei-Ming",
            "Wei Ming Tan",
            "Jason Tan Wei Ming",
            "TAN WEI MING JASON",
            "Chan Wai Ming",
            "Ch'en Wei-ming",
        ),
    ),
    ("SG", "1986-11-30", ("Lim Mei Ling", "Lin Meiling", "Lam Mei Ling", "Mei Ling Lim")),
    ("SG", "1977-04-02", ("Ng Siew Mei", "Huang Xiumei", "Wong Siu Mei", "Ooi Siew Mei")),
    (
        "MY",
        "1981-08-08",
        ("Teo Chee Keong", "Zhang Zhiqiang", "Chang Chih-chiang", "Cheung Chi Keung"),
    ),
    ("MY", "1975-01-19", ("Lee Kok Leong", "Li Guoliang", "Lee Kwok Leung", "Li Kuo-liang")),
    ("ID", "1980-10-10", ("Lie Kok Liong", "Li Guoliang", "Lee Kok Liong")),
    ("SG", "1990-07-07", ("Goh Kah Wai", "Wu Jiawei", "Goh Ka Wai")),
    ("MY", "1984-03-03", ("Koh Boon Kiat", "Xu Wenjie", "Hsu Wen-chieh")),
    ("SG", "1972-12-12", ("Chua Siew Ling", "Cai Xiuling", "Tsai Hsiu-ling", "Choi Siu Ling")),
    ("MY", "1993-02-02", ("Michelle Tan Hui Min", "Tan Hui Min", "Chen Huimin", "Tan Hwee Min")),
    # Malay and Indonesian: bin/binti/bt/b., Abdul spaced or joined, Nur/Noor/Nor
    (
        "MY",
        "1987-06-06",
        (
            "Ahmad Faizal bin Abdul Rahman",
            "Ahmad Faizal b. Abd Rahman",
            "Ahmad Faizal bin Abdulrahman",
            "Ahmad Faizal Abdul Rahman",
        ),
    ),
    (
        "MY",
        "1991-01-25",
        ("Siti Nur Aisyah binti Ismail", "Siti Noor Aisyah bt Ismail", "Siti Nor Aisyah Ismail"),
    ),
    (
        "MY",
        "1968-09-30",
        ("Abdul Rahman bin Hassan", "Abdulrahman bin Hassan", "Abd. Rahman b. Hasan"),
    ),
    ("MY", "1996-04-14", ("Nurul Huda binti Osman", "Nur Huda bte Osman", "Noor Huda Osman")),
    ("ID", "1974-08-17", ("Sutrisno", "Sutrisno Sutrisno", "Soetrisno")),
    ("ID", "1989-11-11", ("Wahyuni", "Wahyuni Wahyuni", "Wahjoeni")),
    # Filipino: dela Cruz spaced, joined or capitalised; Jr., III; maternal middle names
    (
        "PH",
        "1985-05-05",
        (
            "Juan dela Cruz",
            "Juan De La Cruz",
            "Juan Delacruz",
            "DELA CRUZ, Juan",
            "Juan Santos dela Cruz",
            "Juan S. dela Cruz",
        ),
    ),
    ("PH", "1990-10-01", ("Jose Reyes Mercado Jr.", "Jose Mercado Jr", "MERCADO, Jose Jr.")),
    ("PH", "1978-03-15", ("Antonio Garcia III", "Antonio B. Garcia III", "GARCIA, Antonio III")),
    (
        "PH",
        "1982-04-04",
        ("Maria Cristina Reyes Santos", "Ma. Cristina R. Santos", "Maria Cristina Santos"),
    ),
)

# (nationality, (name, birth date) of one person, (name, birth date) of another)
DIFFERENT: tuple[tuple[str, tuple[str, str], tuple[str, str]], ...] = (
    # Vietnamese twins: a brother and a sister, one letter apart, another middle name
    ("VN", ("Nguyen Van An", "1988-03-07"), ("Nguyen Thi An", "1988-03-07")),
    ("VN", ("Nguyen Van An", "1988-03-07"), ("Nguyen Van Anh", "1988-03-07")),
    ("VN", ("Le Van Hung", "1979-02-14"), ("Le Van Huong", "1979-02-14")),
    ("VN", ("Dang Van Duc", "1985-12-01"), ("Dang Van Dung", "1985-12-01")),
    ("VN", ("Pham Minh Tuan", "1992-06-15"), ("Pham Anh Tuan", "1992-06-15")),
    # Vietnamese namesakes and a father
    ("VN", ("Tran Thi Mai", "1990-03-04"), ("Mai Tran", "1971-08-20")),
    ("VN", ("Nguyen Van An", "1960-01-01"), ("Nguyen Van An", "1988-03-07")),
    # Chinese: a shared common surname, in one spelling or two, is not a shared person
    ("MY", ("Tan Wei Ming", "1983-05-21"), ("Tan Wei Jie", "1983-05-21")),
    ("MY", ("Tan Wei Ming", "1983-05-21"), ("Chen Wei Jie", "1983-05-21")),
    ("MY", ("Tan Wei Ming", "1983-05-21"), ("Lim Wei Ming", "1983-05-21")),
    ("SG", ("Ng Siew Mei", "1977-04-02"), ("Ng Siew Ling", "1977-04-02")),
    # Ng is Huang in Hokkien and Wu in Cantonese: Goh (Wu) and Wong (Huang) are two surnames
    ("SG", ("Goh Kah Wai", "1990-07-07"), ("Wong Kah Wai", "1990-07-07")),
    ("SG", ("Wu Jiawei", "1990-07-07"), ("Huang Jiawei", "1990-07-07")),
    ("MY", ("Koh Boon Kiat", "1984-03-03"), ("Koh Boon Kiat", "1991-09-09")),
    ("MY", ("Lee Kok Leong", "1975-01-19"), ("Li Guoqiang", "1975-01-19")),
    ("SG", ("Chua Siew Ling", "1972-12-12"), ("Cai Xiuling", "1996-06-20")),
    # Malay: different fathers, a father and his son, sisters
    (
        "MY",
        ("Ahmad Faizal bin Abdul Rahman", "1987-06-06"),
        ("Ahmad Faizal bin Ismail", "1987-06-06"),
    ),
    ("MY", ("Abdul Rahman bin Hassan", "1968-09-30"), ("Hassan bin Abdul Rahman", "1992-02-11")),
    (
        "MY",
        ("Siti Nur Aisyah binti Ismail", "1991-01-25"),
        ("Siti Nur Aishah binti Osman", "1991-01-25"),
    ),
    ("MY", ("Nurul Huda binti Osman", "1996-04-14"), ("Nurul Hidayah binti Osman", "1996-04-14")),
    ("ID", ("Sutrisno", "1974-08-17"), ("Sutrisno", "1958-03-03")),
    # Filipino: a father and his son, two maternal middle names (cousins), III and Jr.
    ("PH", ("Juan dela Cruz Jr.", "1985-05-05"), ("Juan dela Cruz Sr.", "1985-05-05")),
    ("PH", ("Juan dela Cruz", "1985-05-05"), ("Juan dela Cruz", "1961-02-12")),
    ("PH", ("Juan Santos dela Cruz", "1985-05-05"), ("Juan Reyes dela Cruz", "1985-05-05")),
    ("PH", ("Antonio Garcia III", "1978-03-15"), ("Antonio Garcia Jr.", "1978-03-15")),
    ("PH", ("Maria Cristina Santos", "1982-04-04"), ("Maria Cristina Reyes", "1982-04-04")),
)
