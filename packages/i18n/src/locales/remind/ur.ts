import type { Catalogue } from '../../catalogue.ts';

/** یاد دہانی اور فون نمبر، اردو۔ */
export const remindUr: Catalogue['remind'] = {
  template:
    'السلام علیکم، {shop} کی طرف سے۔ ہمارے ہاں آپ کا بقایا {amount} ہے، ادائیگی کی تاریخ {dueDate}۔ آپ کا کھاتہ: {link}',
  templateNoDue: 'السلام علیکم، {shop} کی طرف سے۔ ہمارے ہاں آپ کا بقایا {amount} ہے۔ آپ کا کھاتہ: {link}',
  noDueDate: 'جتنی جلدی ہو سکے',
  remind: 'یاد دلائیں',
  remindTitle: '{name} کو یاد دلائیں',
  whatsapp: 'واٹس ایپ',
  sms: 'ایس ایم ایس',
  share: 'شیئر کریں…',
  close: 'بند کریں',
  noPhone: 'واٹس ایپ یا ایس ایم ایس کے قابل فون نمبر نہیں ({phone}): پیغام شیئر کریں۔',
  preparing: 'پیغام تیار ہو رہا ہے…',
  remindedAgo: '{when} یاد دلایا',
  toRemind: 'یاد دلانا ہے ({count, number})',
  toRemindOwes: 'بقایا {amount}',
  toRemindLabel: '{name}، بقایا {amount}',
  remindAll: 'تمام تاخیر والوں کو یاد دلائیں',
  step: '{count, number} میں سے {index, number}: {name}',
  skip: 'چھوڑیں',
  stop: 'روکیں',
  allDone: 'فہرست میں سب کو یاد دلا دیا گیا ہے۔',
  history:
    '{channel, select, whatsapp {واٹس ایپ پر یاد دہانی} sms {ایس ایم ایس سے یاد دہانی} other {یاد دہانی شیئر کی}} · بقایا {amount}',
  language: 'زبان',
  shopLanguage: 'دکان کی زبان',
  phoneInvalid:
    'یہ {country} کا فون نمبر نہیں: جیسے ڈائل کرتے ہیں ویسے لکھیں، یا + اور ملک کے کوڈ سے شروع کریں۔',
  phoneNeedsCountry: 'نمبر + اور ملک کے کوڈ سے شروع کریں (دکان کا ملک طے نہیں)۔',
  templates: {
    title: 'یاد دہانی کے پیغامات',
    help: 'ہر زبان کا اپنا پیغام ہے۔ یاد دہانی بھیجتے وقت یہ الفاظ بدل دیے جاتے ہیں:',
    placeholders: 'دکان کا نام، بقایا رقم، ادائیگی کی تاریخ، کھاتے کا لنک',
    yours: 'آپ کے الفاظ',
    standard: 'معیاری الفاظ',
    reset: 'معیاری الفاظ پر واپس جائیں',
    save: 'محفوظ کریں',
    saved: 'محفوظ ہو گیا',
    unknown: 'نامعلوم پلیس ہولڈر {name}: صرف {list} استعمال کریں۔',
    missing: 'پیغام میں {name} ہونا ضروری ہے۔',
    unclosed: 'قوس بند نہیں: پلیس ہولڈر ایسے لکھیں {example}۔',
    empty: 'پیغام لکھیں، یا معیاری الفاظ پر واپس جائیں۔',
  },
};
