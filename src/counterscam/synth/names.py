"""Name stock per nationality, with the spelling variants seen across reports.

Each entry is a slash-separated group of spellings of one name; the first is the usual one.
Entries are listed commonest first: draws favour the head of each list, so namesakes occur.
"""

from __future__ import annotations


def _groups(text: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(g.split("/")) for g in text.split(","))


VN_FAMILY = _groups(
    "Nguyen/Nguyễn,Tran/Trần,Le/Lê,Pham/Phạm,Hoang/Hoàng/Huynh,Phan/Phan,Vu/Vũ/Vo,Dang/Đặng,"
    "Bui/Bùi,Do/Đỗ,Ho/Hồ,Ngo/Ngô"
)
VN_MIDDLE_M = _groups("Van/Văn,Duc/Đức,Minh/Minh,Quoc/Quốc,Huu/Hữu")
VN_MIDDLE_F = _groups("Thi/Thị,Ngoc/Ngọc,Thu/Thu,Thanh/Thanh")
VN_GIVEN_M = _groups(
    "Anh/Anh,Hung/Hùng,Tuan/Tuấn,Minh/Minh,Nam/Nam,Dung/Dũng,Hai/Hải,Long/Long,Phuc/Phúc,"
    "Quang/Quang,Thang/Thắng,Khoa/Khoa"
)
VN_GIVEN_F = _groups(
    "Anh/Anh,Linh/Linh,Huong/Hương,Lan/Lan,Hoa/Hoa,Trang/Trang,Mai/Mai,Thao/Thảo,Ha/Hà,"
    "Nhung/Nhung,Yen/Yến,Ngan/Ngân"
)
TH_GIVEN_M = _groups(
    "Somchai/Somchay/Somchaai,Somsak/Somsuk,Wichai/Vichai/Wichay,Kittisak/Kitisak/Kittisuk,"
    "Chaiwat/Chaiwath/Chaiyawat,Thanawat/Tanawat/Thanawath,Nattapong/Natthaphong/Nattaphong,"
    "Niran/Nirun,Prasert/Prasoet/Prasirt,Surachai/Surachay"
)
TH_GIVEN_F = _groups(
    "Siriporn/Siriphorn/Siripon,Pornthip/Phornthip/Porntip,Supaporn/Suphaphorn/Supaphon,"
    "Malee/Mali/Malie,Suda/Sudaa,Anong/Anong,Wanida/Wanidaa,Kanokwan/Kanokwan/Khanokwan,"
    "Ratana/Rattana/Rattanaa,Jintana/Chintana"
)
TH_FAMILY = _groups(
    "Srisuk/Srisook/Sisuk,Wongsawat/Wongsawad/Vongsawat,Boonmee/Bunmee/Boonmi,"
    "Jaidee/Chaidee/Jaidi,Saetang/Sae-tang/Saetung,Rattanakul/Ratanakul/Rattanakun,"
    "Thongchai/Tongchai,Kaewkla/Kaewkhla/Keawkla,Phromphan/Promphan,Chaiyaporn/Chaiyaphon,"
    "Suksawat/Sooksawat,Inthong/Intong"
)
MM_SYLLABLE_M = _groups(
    "Aung/Aung,Kyaw/Kyaw/Kyau,Zaw/Zaw,Min/Min,Htun/Htun/Tun,Thant/Thant/Thandt,Win/Win,"
    "Naing/Naing/Nai,Myint/Myint/Myintt,Soe/Soe/So,Moe/Moe/Mo,Hla/Hla,Ko/Ko,Thein/Thein/Thane"
)
MM_SYLLABLE_F = _groups(
    "Khin/Khin,Mya/Mya/Myaa,Aye/Aye/Ei,Su/Su/Suu,Nwe/Nwe/Nway,Thida/Thidar/Thida,Hnin/Hnin,"
    "Phyu/Phyu/Phyo,Zin/Zin,Thu/Thu/Thuu,Sandar/Sanda,Yadanar/Yadana"
)
MM_HONORIFIC = {"male": ("U", "Maung", "Ko"), "female": ("Daw", "Ma")}
KH_FAMILY = _groups(
    "Sok/Sok/Sokh,Chan/Chan/Chann,Kim/Kim,Heng/Heng/Hieng,Ly/Ly/Lee,Seng/Seng/Sieng,"
    "Meas/Meas/Mes,Keo/Keo/Kaev,Chea/Chea/Chia,Prak/Prak/Prakh,Sao/Sao/Sau"
)
KH_GIVEN_M = _groups(
    "Dara/Dara/Darah,Vannak/Vanak/Vannakk,Rithy/Rithi/Ritthy,Sokha/Sokhar/Sokkha,"
    "Vuthy/Vuthi/Vutthy,Visal/Veasal,Piseth/Pisith,Sophal/Sophall"
)
KH_GIVEN_F = _groups(
    "Sophea/Sophia/Sophear,Srey Mom/Sreymom/Srey Mum,Bopha/Bophar/Boppha,"
    "Chanthy/Chanthi/Chantha,Pisey/Pisei/Pisay,Sreyneang/Srey Neang,Dalin/Daline,Kanha/Kannha"
)
LA_GIVEN_M = _groups(
    "Somphone/Somphon/Sompone,Souksavanh/Souksavan/Souksavath,Bounmy/Bounmi/Bunmy,"
    "Phonesavanh/Phonsavan/Phonesavan,Khamla/Khammla/Kham La,Vilay/Vilai,Thongsay/Thongsai"
)
LA_GIVEN_F = _groups(
    "Noy/Noi,Keo/Kaew/Keo,Manivanh/Manivan/Manyvanh,Vanhthong/Vanthong,Souphaphone/Souphaphon,"
    "Chanthala/Chantala,Phetsamone/Phetsamon"
)
LA_FAMILY = _groups(
    "Phommachanh/Phommachan/Phommachan,Sisavath/Sisavat/Sysavath,Vongsa/Vongsaa/Wongsa,"
    "Keomany/Keomani/Keomanee,Inthavong/Inthavongs,Xayavong/Sayavong/Xaiyavong,"
    "Douangmala/Duangmala/Dounmala"
)
MALAY_GIVEN_M = _groups(
    "Ahmad/Ahmad/Ahmed,Ali/Ali,Hafiz/Hafiz/Hafidz,Faiz/Faiz/Faez,Aiman/Aiman/Aimann,"
    "Amir/Amir/Ameer,Firdaus/Firdaus/Firdauz,Syafiq/Shafiq/Syafik,Hakim/Hakeem,Rizal/Rizal"
)
MALAY_LEAD_M = _groups("Muhammad/Mohd/Mohamad/Muhamad/Md,Ahmad/Ahmad,Abdul/Abd")
MALAY_GIVEN_F = _groups(
    "Aisyah/Aishah/Aisya,Syafiqah/Shafiqah/Syafika,Izzati/Izati,Aina/Aina,Farah/Farah,"
    "Nabilah/Nabila,Amirah/Amira,Hidayah/Hidayah"
)
MALAY_LEAD_F = _groups("Nur/Noor/Nor,Nurul/Nurul/Nur,Siti/Siti")
MALAY_FATHER = _groups(
    "Abdullah/Abdullah/Abdulla,Ismail/Ismail/Ismael,Hassan/Hasan,Rahman/Rahman/Abd Rahman,"
    "Yusof/Yusoff/Yusuf,Ibrahim/Ibrahim,Othman/Osman/Uthman,Razak/Razak/Abdul Razak"
)
# One Chinese surname in its Hokkien, Mandarin, Cantonese and Teochew spellings.
CHINESE_FAMILY = _groups(
    "Tan/Chen/Chan/Tang,Lim/Lin/Lam,Lee/Li/Lei,Ng/Huang/Wong/Oei,Ong/Wang/Heng,Goh/Wu/Ng,"
    "Teo/Zhang/Cheung/Chang,Chong/Zhong/Chung,Koh/Xu/Hui,Yeo/Yang/Yeung"
)
CHINESE_GIVEN_M = _groups(
    "Wei Ming/Weiming/Wei-Ming,Jun Hao/Junhao/Chun Hao,Kah Wai/Jia Wei/Ka Wai,"
    "Boon Keat/Wen Jie/Boon Kiat,Chee Keong/Zhi Qiang/Chi Keung,Zhi Hao/Chee How/Jit Hou,"
    "Kok Leong/Guo Liang/Kwok Leung"
)
CHINESE_GIVEN_F = _groups(
    "Mei Ling/Meiling/Mei-Ling,Xin Yi/Xinyi/Hsin Yi,Siew Mei/Xiu Mei/Siu Mei,"
    "Hui Min/Huimin/Wai Man,Li Ting/Liting/Lai Ting,Pei Shan/Peishan/Pui Shan"
)
CN_FAMILY = _groups(
    "Wang/Wang/Wong,Li/Li/Lee,Zhang/Zhang/Chang,Liu/Liu/Lau,Chen/Chen/Chan,Yang/Yang/Yeung,"
    "Zhao/Zhao/Chiu,Huang/Huang/Wong,Zhou/Zhou/Chow,Wu/Wu/Ng"
)
CN_GIVEN_M = _groups("Wei/Wei,Qiang/Qiang,Lei/Lei,Jun/Jun,Hao/Hao,Yong/Yong,Jie/Jie,Tao/Tao")
CN_GIVEN_F = _groups("Fang/Fang,Na/Na,Xiuying/Xiu Ying,Min/Min,Jing/Jing,Yan/Yan,Li/Li,Ying/Ying")
ID_GIVEN_M = _groups(
    "Budi/Budi,Agus/Agoes,Joko/Djoko,Eko/Eko,Wahyu/Wahju,Andi/Andy,Rizky/Rizki/Riski,"
    "Dedi/Dedy,Hendra/Hendra,Bambang/Bambang"
)
ID_GIVEN_F = _groups(
    "Siti/Siti,Sri/Sri,Dewi/Dewi,Rina/Rina,Yanti/Janti,Putri/Putri/Putry,Ayu/Ajoe,"
    "Wulan/Woelan,Indah/Indah,Fitri/Fitriy"
)
ID_SECOND = _groups(
    "Santoso/Santosa/Soentoro,Setiawan/Setiyawan,Lestari/Lestarie,Wahyuni/Wahjoeni,"
    "Prasetyo/Prasetio,Kurniawati/Kurniawatie,Susilo/Soesilo,Hidayat/Hidajat,Rahayu/Rahaju,"
    "Saputra/Saputera,Suharto/Soeharto,Nugroho/Noegroho"
)
PH_GIVEN_M = _groups(
    "Juan/Juan,Jose/Jose,Mark/Marc,John Paul/Jp/John-Paul,Jerome/Jerom,Rodel/Rodell,Carlo/Karlo,"
    "Michael/Micheal,Christian/Kristian"
)
PH_GIVEN_F = _groups(
    "Maria/Ma./Mariah,Kristine/Christine,Angelica/Anjelica,Maricel/Marisel,Jenny/Jennie,"
    "Rowena/Roweena,Lovely/Lovelie,Princess/Prinsesa"
)
PH_FAMILY = _groups(
    "Dela Cruz/Delacruz/De la Cruz,Santos/Santos,Reyes/Reyes,Garcia/Garcia,Mendoza/Mendosa,"
    "Bautista/Baustista,Villanueva/Villa Nueva,Ramos/Ramos,Aquino/Aquino,Castillo/Castillo,"
    "Torres/Torres"
)
IN_GIVEN_M = _groups("Rahul/Raahul,Amit/Ameet,Sanjay/Sanjai,Deepak/Dipak,Ravi/Ravee,Anil/Aneel")
IN_GIVEN_F = _groups("Priya/Priyaa,Sunita/Suneeta,Pooja/Puja,Anjali/Anjalee,Kavita/Kavitha")
IN_FAMILY = _groups("Kumar/Kumar,Sharma/Sarma,Singh/Singh,Patel/Patil,Reddy/Reddi,Nair/Nayar")
KE_GIVEN_M = _groups("John/Jon,Peter/Petr,James/James,Brian/Bryan,Kevin/Kevin,Dennis/Denis")
KE_GIVEN_F = _groups("Mary/Marie,Grace/Grace,Faith/Faith,Mercy/Mercy,Esther/Ester,Joy/Joy")
KE_FAMILY = _groups(
    "Otieno/Otieno,Wanjiru/Wanjiru/Wanjiro,Kamau/Kamau,Mwangi/Mwangy,Ochieng/Ochieng/Ochien,"
    "Kiprono/Kiprono,Njoroge/Njoroghe,Achieng/Atieno"
)
LK_GIVEN_M = _groups("Nuwan/Nuwan,Chamara/Chamara,Dilshan/Dilshaan,Kasun/Kasun,Tharindu/Tarindu")
LK_GIVEN_F = _groups("Nadeesha/Nadisha,Sanduni/Sandunee,Dilini/Dilinee,Harshani/Harshanie")
LK_FAMILY = _groups(
    "Perera/Perera,Fernando/Fernandu,De Silva/Silva/de Silva,Jayasinghe/Jayasinha,"
    "Bandara/Bandaara,Wickramasinghe/Wickremesinghe/Wikramasinghe"
)
