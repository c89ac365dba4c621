"""Names in Lao, Khmer and Burmese script beside the Latin spellings of the same people.

Synthetic: common name elements combined by hand, not real persons. Each group is one person
(nationality, birth date, then the name as different reports write it); the look-alikes are
different people whose names read alike, or alike but for the birth date.
"""

from __future__ import annotations

# (nationality, birth date, spellings of one person's name)
SAME_PERSON: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("MM", "1980-01-12", ("အောင်ကျော်ဦး", "Aung Kyaw Oo", "U Aung Kyaw Oo", "ဦးအောင်ကျော်ဦး")),
    ("MM", "1975-03-04", ("ဒေါ်ခင်မျိုးဝင်း", "Daw Khin Myo Win", "Khin Myo Win")),
    ("MM", "1991-07-21", ("မောင်ဇော်မင်း", "Zaw Min", "Maung Zaw Min")),
    ("MM", "1988-11-02", ("ထွန်းထွန်း", "Tun Tun", "Htun Htun")),
    ("MM", "1993-05-30", ("မင်းထက်အောင်", "Min Htet Aung", "Ko Min Htet Aung")),
    ("MM", "1985-09-09", ("ကိုဇော်ဝင်း", "Ko Zaw Win", "Zaw Win")),
    ("MM", "1990-02-14", ("မသီတာအောင်", "Ma Thida Aung", "Thidar Aung")),
    ("MM", "1979-12-25", ("စိုးမိုးနိုင်", "Soe Moe Naing")),
    ("MM", "1996-06-06", ("ဝေယံဖြိုး", "Wai Yan Phyo", "Way Yan Phyo")),
    ("MM", "1987-04-18", ("နေလင်းအောင်", "Nay Lin Aung")),
    ("MM", "1992-08-08", ("သန့်ဇင်ထွန်း", "Thant Zin Htun", "Thant Zin Tun")),
    ("MM", "1983-10-10", ("ခိုင်ခိုင်ဝင်း", "Khine Khine Win", "Khaing Khaing Win")),
    ("MM", "1977-01-01", ("မြင့်မြင့်အေး", "Myint Myint Aye")),
    ("MM", "1995-03-03", ("ပြည့်ဖြိုးအောင်", "Pyae Phyo Aung")),
    ("MM", "1981-05-05", ("လှလှဝင်း", "Hla Hla Win")),
    ("MM", "1989-09-19", ("စန္ဒာမြင့်", "Sandar Myint", "Sanda Myint")),
    ("MM", "1970-07-07", ("သိန်းစိန်", "Thein Sein", "U Thein Sein")),
    ("KH", "1984-02-02", ("សុខ ដារា", "Sok Dara", "Dara Sok", "SOK Dara")),
    ("KH", "1990-04-12", ("ចាន់ សុខា", "Chan Sokha", "Sokha Chan")),
    ("KH", "1986-08-21", ("ហេង សុភា", "Heng Sophea")),
    ("KH", "1978-12-12", ("លោក ជា វណ្ណា", "Chea Vanna")),
    ("KH", "1994-01-31", ("គឹម ស្រីមុំ", "Kim Sreymom", "Kim Srey Mom")),
    ("KH", "1982-06-15", ("ម៉ៅ សំណាង", "Mao Samnang")),
    ("KH", "1991-10-03", ("អ៊ុក ពិសិដ្ឋ", "Ouk Piseth")),
    ("KH", "1975-11-11", ("កែវ សុផល", "Keo Sophal")),
    ("KH", "1988-03-27", ("ទេព វុទ្ធី", "Tep Vuthy")),
    ("KH", "1980-09-01", ("លោកស្រី មាស បុប្ផា", "Meas Bopha")),
    ("KH", "1993-07-14", ("ឈឹម ផល្លា", "Chhim Phalla")),
    ("KH", "1987-05-25", ("ឡុង ដារ៉ា", "Long Dara")),
    ("KH", "1979-02-28", ("នួន សុធា", "Nuon Sothea")),
    ("KH", "1997-12-01", ("យឹម ស្រីពៅ", "Yim Sreypov", "Yim Srey Pov")),
    ("LA", "1983-04-04", ("ສົມພອນ ພົມມະຈັນ", "Somphone Phommachanh", "Sompone Phommachan")),
    ("LA", "1990-06-16", ("ສຸກສະຫວັນ ໄຊຍະວົງ", "Souksavanh Xayavong", "Souksavan Sayavong")),
    ("LA", "1976-10-20", ("ບຸນມີ ສີສະຫວາດ", "Bounmy Sisavath")),
    ("LA", "1985-01-09", ("ທອງລຸນ ສີສຸລິດ", "Thongloun Sisoulith")),
    ("LA", "1992-02-22", ("ແກ້ວ ວົງສາ", "Keo Vongsa")),
    ("LA", "1988-08-18", ("ຄຳພັນ ຈັນທະວົງ", "Khamphanh Chanthavong")),
    ("LA", "1981-03-13", ("ເພັດສະໝອນ ອິນທະວົງ", "Phetsamone Inthavong")),
    ("LA", "1979-05-05", ("ທ້າວ ບົວສອນ ພົມວິຫານ", "Bouasone Phomvihane")),
    ("LA", "1994-09-29", ("ນາງ ມະນີວັນ ສີພັນດອນ", "Manivanh Siphandone")),
    ("LA", "1986-11-30", ("ວິໄລ ແສງສະຫວັນ", "Vilay Sengsavanh")),
)

# (nationality, (name, birth date) of one person, (name, birth date) of another)
DIFFERENT: tuple[tuple[str, tuple[str, str], tuple[str, str]], ...] = (
    # twins whose names are spelt apart in script but read alike in Latin letters
    ("MM", ("မင်းသက်အောင်", "1993-05-30"), ("မင်းထက်အောင်", "1993-05-30")),  # Thet, Htet
    ("KH", ("ចាន់ សុខា", "1990-04-12"), ("ច័ន្ទ សុខា", "1990-04-12")),  # both Chan
    ("LA", ("ສົມພອນ ພົມມະຈັນ", "1983-04-04"), ("ສົມພົນ ພົມມະຈັນ", "1983-04-04")),  # Somphon
    # namesakes: the same name, born years apart
    ("MM", ("အောင်ကျော်ဦး", "1980-01-12"), ("Aung Kyaw Oo", "1992-06-01")),
    ("KH", ("សុខ ដារា", "1984-02-02"), ("Sok Dara", "1999-09-09")),
    ("LA", ("ສົມພອນ ພົມມະຈັນ", "1983-04-04"), ("Somphone Phommachanh", "1961-12-12")),
    # siblings: one name element apart, the same birth date (twins)
    ("MM", ("အောင်ကျော်ဦး", "1980-01-12"), ("Aung Kyaw Moe", "1980-01-12")),
    ("MM", ("ခင်မျိုးဝင်း", "1975-03-04"), ("Khin Myo Aye", "1975-03-04")),
    ("KH", ("សុខ ដារា", "1984-02-02"), ("Sok Dany", "1984-02-02")),
    ("LA", ("ບຸນມີ ສີສະຫວາດ", "1976-10-20"), ("Bounma Sisavath", "1976-10-20")),
)
