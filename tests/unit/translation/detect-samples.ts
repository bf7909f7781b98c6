/**
 * Short posts in the style of ministry / embassy social-media accounts (written for these tests),
 * with the hashtags, mentions, links and emoji such posts carry. `lang` is the expected BCP-47 code.
 */
export const DETECTION_SAMPLES: Array<{ lang: string; text: string }> = [
  // Khmer
  { lang: 'km', text: 'សូមស្វាគមន៍គណៈប្រតិភូ #ASEAN មកកាន់រាជធានីភ្នំពេញ @MFAICCambodia https://mfaic.gov.kh 🇰🇭' },
  { lang: 'km', text: 'ឯកឧត្តមរដ្ឋមន្ត្រីបានជួបពិភាក្សាជាមួយឯកអគ្គរដ្ឋទូតបារាំង ស្តីពីកិច្ចសហប្រតិបត្តិការទ្វេភាគី។' },
  { lang: 'km', text: 'អបអរសាទរទិវាឯករាជ្យជាតិ ៩ វិច្ឆិកា ២០២៥ 🎉' },
  { lang: 'km', text: 'ក្រសួងការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ ចេញសេចក្តីថ្លែងការណ៍ព័ត៌មាន #កម្ពុជា' },
  // English
  { lang: 'en', text: 'Honoured to welcome the delegation from Japan to Phnom Penh today. #CambodiaJapan 🇰🇭🇯🇵' },
  { lang: 'en', text: 'The Minister held bilateral talks with his counterpart on trade and investment.' },
  { lang: 'en', text: 'Read the full statement here: https://mfaic.gov.kh/statement/2025-11 @UN' },
  { lang: 'en', text: 'Thank you to everyone who joined our reception last night!' },
  // French
  { lang: 'fr', text: "Le ministre a reçu l'ambassadeur de France pour un entretien sur la coopération culturelle." },
  { lang: 'fr', text: 'Heureux de participer au Sommet de la Francophonie à Paris cette semaine. #Francophonie' },
  { lang: 'fr', text: 'Communiqué de presse du Ministère des Affaires étrangères : https://mfaic.gov.kh/fr' },
  { lang: 'fr', text: 'Félicitations à notre équipe pour cette belle réussite !' },
  // Spanish
  { lang: 'es', text: 'El ministro se reunió hoy con la embajadora de España para hablar de cooperación.' },
  { lang: 'es', text: 'Gracias a todos los que participaron en la recepción de anoche en Madrid.' },
  // Vietnamese
  { lang: 'vi', text: 'Bộ trưởng Ngoại giao hai nước đã hội đàm về hợp tác kinh tế và thương mại.' },
  { lang: 'vi', text: 'Chào mừng đoàn đại biểu Campuchia đến thăm Hà Nội! #ASEAN' },
  // Indonesian
  { lang: 'id', text: 'Menteri Luar Negeri menerima kunjungan Duta Besar Kamboja di Jakarta hari ini.' },
  { lang: 'id', text: 'Terima kasih atas kerja sama yang sangat baik selama ini.' },
  // Filipino
  { lang: 'fil', text: 'Maraming salamat po sa mainit na pagtanggap sa ating delegasyon sa Maynila.' },
  // Thai
  { lang: 'th', text: 'รัฐมนตรีว่าการกระทรวงการต่างประเทศหารือกับเอกอัครราชทูตกัมพูชา #ASEAN' },
  { lang: 'th', text: 'ขอแสดงความยินดีกับความสำเร็จของการประชุมสุดยอดอาเซียน' },
  // Lao
  { lang: 'lo', text: 'ລັດຖະມົນຕີວ່າການກະຊວງການຕ່າງປະເທດ ໄດ້ຕ້ອນຮັບເອກອັກຄະລັດຖະທູດກຳປູເຈຍ' },
  { lang: 'lo', text: 'ຂໍສະແດງຄວາມຍິນດີ ເນື່ອງໃນໂອກາດວັນຊາດ 🇱🇦' },
  // Burmese
  { lang: 'my', text: 'နိုင်ငံခြားရေးဝန်ကြီးသည် ကမ္ဘောဒီးယားသံအမတ်ကြီးနှင့် တွေ့ဆုံခဲ့သည်။' },
  { lang: 'my', text: 'အာဆီယံထိပ်သီးအစည်းအဝေး အောင်မြင်ပါစေ #ASEAN' },
  // Chinese
  { lang: 'zh', text: '外交部长今天会见了柬埔寨驻华大使，双方就双边合作交换了意见。' },
  { lang: 'zh', text: '祝贺东盟峰会圆满成功！#ASEAN' },
  // Japanese
  { lang: 'ja', text: '本日、外務大臣はカンボジア大使と会談しました。' },
  { lang: 'ja', text: 'プノンペンでのレセプションにご参加いただき、ありがとうございました。' },
  // Korean
  { lang: 'ko', text: '외교부 장관은 오늘 캄보디아 대사와 양국 협력 방안을 논의했습니다.' },
  { lang: 'ko', text: '아세안 정상회의의 성공적인 개최를 축하합니다! 🎉' },
  // Russian
  { lang: 'ru', text: 'Министр иностранных дел провёл переговоры с послом Камбоджи.' },
  { lang: 'ru', text: 'Поздравляем с Днём независимости! 🇰🇭' },
  // Arabic
  { lang: 'ar', text: 'استقبل وزير الخارجية سفير مملكة كمبوديا لبحث سبل التعاون الثنائي.' },
  { lang: 'ar', text: 'نهنئ الشعب الكمبودي بمناسبة العيد الوطني.' },
];

/** Latin-script languages the test user works in (for the franc whitelist). */
export const SAMPLE_USER_LANGUAGES = ['km', 'en', 'fr', 'es', 'vi', 'id', 'fil'];
