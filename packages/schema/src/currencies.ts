import { z } from 'zod';

/**
 * The currencies a shop can keep its book in: ISO 4217's current list of
 * national currencies (List One), without its funds, precious metals, SDRs
 * and testing codes, which no shop prices in. A fixed list, not
 * `Intl.supportedValuesOf('currency')`: that one keeps retired codes (HRK,
 * replaced by EUR in 2023; ZWL by ZWG in 2024; ANG by XCG in 2025; BGN by EUR
 * in 2026; SLL by SLE; CUC, withdrawn) and the phone's engine may lack it, while
 * server and phone must accept the same codes. A new code is one edit here.
 */
export const CURRENCIES: readonly string[] = (
  'AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD ' +
  'CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS ' +
  'GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW ' +
  'KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR ' +
  'MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR ' +
  'SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX ' +
  'USD UYU UZS VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG'
).split(' ');

const IN_USE = new Set(CURRENCIES);

/** Whether a shop can use this ISO 4217 code today. */
export const isCurrencyInUse = (code: string): boolean => IN_USE.has(code);

/** A currency in use today, by its ISO 4217 code (upper case). */
export const CurrencySchema = z
  .string()
  .refine(isCurrencyInUse, 'must be a currency in use today, by its ISO 4217 code (e.g. KES, USD)');
