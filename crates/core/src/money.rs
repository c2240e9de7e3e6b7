//! Money as an exact count of hundredths of a currency's unit ("cents"), and ISO 4217
//! currencies with the symbol they are shown with.
//!
//! Every amount is an `i64` of cents, so sums and differences are exact: a cost diff's
//! `before + joined − left + changed = after` holds to the cent by construction. Products
//! (band × fte, cost × percent) are rounded to the cent, half away from zero, once per
//! person or allocation. Amounts cross JSON and IPC as numbers of whole units with at most
//! two decimals (`95000.5`), which every JSON reader takes back exactly.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The largest amount any one input may hold: ten billion units. Far above any pay or
/// budget, and small enough that a million people's costs add up without overflow.
pub const MAX_CENTS: i64 = 1_000_000_000_000;

/// An exact amount, kept in hundredths of the currency's unit; JSON and IPC carry it as a
/// number of whole units with at most two decimals (`95000.5`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, ts_rs::TS)]
#[ts(type = "number")]
pub struct Money(i64);

impl Money {
    pub const ZERO: Money = Money(0);

    pub const fn from_cents(cents: i64) -> Money {
        Money(cents)
    }

    pub const fn cents(self) -> i64 {
        self.0
    }

    /// Whole units with cents as a fraction: for JSON and charts, never for sums.
    pub fn as_units(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// An amount in whole units (`95000.5`), rounded to the cent; `None` when it is not a
    /// finite number within ± [`MAX_CENTS`].
    pub fn from_units(units: f64) -> Option<Money> {
        let cents = (units * 100.0).round();
        (cents.is_finite() && cents.abs() <= MAX_CENTS as f64).then_some(Money(cents as i64))
    }

    /// This amount × `factor` (an FTE, a share of a week), rounded to the cent.
    pub fn times(self, factor: f64) -> Money {
        // Amounts stay below 2^53 cents, where f64 holds them exactly.
        Money((self.0 as f64 * factor).round() as i64)
    }

    /// This amount × `days` / `of`, rounded half up, in integers (pro-rating by days).
    pub fn pro_rata(self, days: i64, of: i64) -> Money {
        if of <= 0 {
            return Money::ZERO;
        }
        let num = i128::from(self.0) * i128::from(days);
        let den = i128::from(of);
        let q = (2 * num + den).div_euclid(2 * den);
        Money(q as i64)
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// The amount as a person reads it: `€1,234,567.89`, `-$1,200.00`, `CHF 95,000.00`;
    /// without a currency, the figure alone. Currencies without minor units (JPY) show
    /// whole amounts without decimals.
    pub fn display(self, currency: Option<&Currency>) -> String {
        let (sign, abs) = if self.0 < 0 {
            ("-", self.0.unsigned_abs())
        } else {
            ("", self.0.unsigned_abs())
        };
        let (whole, cents) = (abs / 100, abs % 100);
        let mut digits = group_thousands(whole);
        let decimals = currency.map_or(2, |c| c.minor_digits());
        if decimals > 0 || cents != 0 {
            digits.push_str(&format!(".{cents:02}"));
        }
        match currency {
            None => format!("{sign}{digits}"),
            Some(c) => match c.symbol() {
                Some(symbol) => format!("{sign}{symbol}{digits}"),
                None => format!("{sign}{} {digits}", c.code()),
            },
        }
    }

    /// Parses an amount as HR exports and spreadsheets write it: `95000`, `95,000.50`,
    /// `95.000,50`, `95 000`, `$95,000`, `95000 EUR`. The decimal separator is the last of
    /// `.` and `,` when both appear; a lone separator followed by exactly three digits
    /// groups thousands (`95,000`), any other lone one is decimal (`95000,5`). Rounded to
    /// the cent; refused when negative or above [`MAX_CENTS`].
    pub fn parse(text: &str) -> Result<Money, String> {
        let bad = || format!("{text:?} is not an amount of money");
        let t = text.trim();
        let start = t
            .find(|c: char| c.is_ascii_digit() || matches!(c, '-' | '.' | ','))
            .ok_or_else(bad)?;
        // An ASCII digit is one byte, so the byte after it ends the figure.
        let end = t.rfind(|c: char| c.is_ascii_digit()).ok_or_else(bad)? + 1;
        if end <= start {
            return Err(bad());
        }
        let (head, body, tail) = (&t[..start], &t[start..end], &t[end..]);
        let affix = |s: &str| {
            s.chars()
                .all(|c| c.is_alphabetic() || c.is_whitespace() || CURRENCY_SIGNS.contains(c))
        };
        if !affix(head) || !affix(tail) {
            return Err(bad());
        }
        if body.starts_with('-') {
            return Err(format!("{text:?} is negative; amounts are 0 or more"));
        }
        let kept: String = body
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
            .collect();
        if !kept
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        {
            return Err(bad());
        }
        let decimal = match (kept.rfind('.'), kept.rfind(',')) {
            (Some(d), Some(c)) => Some(d.max(c)),
            (Some(p), None) | (None, Some(p)) => {
                let sep = kept.as_bytes()[p];
                let lone = kept.bytes().filter(|&b| b == sep).count() == 1;
                (lone && kept.len() - p - 1 != 3).then_some(p)
            }
            (None, None) => None,
        };
        let (int, frac) = match decimal {
            // The decimal separator appears once, after every thousands separator.
            Some(p) => {
                let (int, frac) = (&kept[..p], &kept[p + 1..]);
                if frac.contains(['.', ',']) || int.contains(kept.as_bytes()[p] as char) {
                    return Err(bad());
                }
                (int, frac)
            }
            None => (kept.as_str(), ""),
        };
        let int: String = int.chars().filter(char::is_ascii_digit).collect();
        if int.is_empty() && frac.is_empty() {
            return Err(bad());
        }
        let units: f64 = format!(
            "{}.{}",
            if int.is_empty() { "0" } else { &int },
            if frac.is_empty() { "0" } else { frac }
        )
        .parse()
        .map_err(|_| bad())?;
        Money::from_units(units).ok_or_else(|| {
            format!(
                "{text:?} is larger than the {} Pendulum accepts",
                Money(MAX_CENTS).display(None)
            )
        })
    }
}

/// Currency signs an amount may be written with, besides letters (`EUR`, `kr`).
const CURRENCY_SIGNS: &str = "$€£¥₹₩₪₽₺₴₫₦₱฿";

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl std::ops::Add for Money {
    type Output = Money;
    fn add(self, other: Money) -> Money {
        Money(self.0.saturating_add(other.0))
    }
}

impl std::ops::AddAssign for Money {
    fn add_assign(&mut self, other: Money) {
        *self = *self + other;
    }
}

impl std::ops::Sub for Money {
    type Output = Money;
    fn sub(self, other: Money) -> Money {
        Money(self.0.saturating_sub(other.0))
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, |a, b| a + b)
    }
}

impl fmt::Debug for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.display(None))
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display(None))
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Whole amounts as integers, so JSON shows `95000` rather than `95000.0`.
        if self.0.rem_euclid(100) == 0 {
            s.serialize_i64(self.0 / 100)
        } else {
            s.serialize_f64(self.as_units())
        }
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let units = f64::deserialize(d)?;
        Money::from_units(units).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "{units} is not an amount between -{max} and {max}",
                max = MAX_CENTS / 100
            ))
        })
    }
}

/// An ISO 4217 currency code (`EUR`, `USD`, `JPY`), one per document.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, ts_rs::TS)]
#[ts(type = "string")]
pub struct Currency([u8; 3]);

impl Currency {
    /// The currency of an ISO 4217 code, in any case (`eur`, ` EUR `); `None` when the
    /// code is not an active ISO 4217 currency.
    pub fn parse(text: &str) -> Option<Currency> {
        let code = text.trim().to_ascii_uppercase();
        let bytes: [u8; 3] = code.as_bytes().try_into().ok()?;
        CURRENCIES
            .iter()
            .any(|(c, _, _)| c.as_bytes() == bytes)
            .then_some(Currency(bytes))
    }

    pub fn code(&self) -> &str {
        // Only ever built from an entry of CURRENCIES, which is ASCII.
        std::str::from_utf8(&self.0).unwrap_or("XXX")
    }

    fn entry(&self) -> Option<&'static (&'static str, u8, &'static str)> {
        CURRENCIES.iter().find(|(c, _, _)| c.as_bytes() == self.0)
    }

    /// Decimals the currency is usually written with (JPY 0, EUR 2).
    pub fn minor_digits(&self) -> u8 {
        self.entry().map_or(2, |e| e.1.min(2))
    }

    /// The sign written before amounts (`€`, `$`, `£`), when the currency has a
    /// well-known one; otherwise amounts are written after the code (`CHF 95,000.00`).
    pub fn symbol(&self) -> Option<&'static str> {
        self.entry().map(|e| e.2).filter(|s| !s.is_empty())
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Currency::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!("{s:?} is not an ISO 4217 currency code"))
        })
    }
}

/// Active ISO 4217 currencies: code, minor digits, and the symbol written before amounts
/// where one is unambiguous (empty: written with the code).
#[rustfmt::skip]
const CURRENCIES: &[(&str, u8, &str)] = &[
    ("AED", 2, ""), ("AFN", 2, ""), ("ALL", 2, ""), ("AMD", 2, ""), ("AOA", 2, ""),
    ("ARS", 2, ""), ("AUD", 2, "A$"), ("AWG", 2, ""), ("AZN", 2, ""), ("BAM", 2, ""),
    ("BBD", 2, ""), ("BDT", 2, ""), ("BGN", 2, ""), ("BHD", 3, ""), ("BIF", 0, ""),
    ("BMD", 2, ""), ("BND", 2, ""), ("BOB", 2, ""), ("BRL", 2, "R$"), ("BSD", 2, ""),
    ("BTN", 2, ""), ("BWP", 2, ""), ("BYN", 2, ""), ("BZD", 2, ""), ("CAD", 2, "CA$"),
    ("CDF", 2, ""), ("CHF", 2, ""), ("CLP", 0, ""), ("CNY", 2, "CN¥"), ("COP", 2, ""),
    ("CRC", 2, ""), ("CUP", 2, ""), ("CVE", 2, ""), ("CZK", 2, ""), ("DJF", 0, ""),
    ("DKK", 2, ""), ("DOP", 2, ""), ("DZD", 2, ""), ("EGP", 2, ""), ("ERN", 2, ""),
    ("ETB", 2, ""), ("EUR", 2, "€"), ("FJD", 2, ""), ("FKP", 2, ""), ("GBP", 2, "£"),
    ("GEL", 2, ""), ("GHS", 2, ""), ("GIP", 2, ""), ("GMD", 2, ""), ("GNF", 0, ""),
    ("GTQ", 2, ""), ("GYD", 2, ""), ("HKD", 2, "HK$"), ("HNL", 2, ""), ("HTG", 2, ""),
    ("HUF", 2, ""), ("IDR", 2, ""), ("ILS", 2, "₪"), ("INR", 2, "₹"), ("IQD", 3, ""),
    ("IRR", 2, ""), ("ISK", 0, ""), ("JMD", 2, ""), ("JOD", 3, ""), ("JPY", 0, "¥"),
    ("KES", 2, ""), ("KGS", 2, ""), ("KHR", 2, ""), ("KMF", 0, ""), ("KPW", 2, ""),
    ("KRW", 0, "₩"), ("KWD", 3, ""), ("KYD", 2, ""), ("KZT", 2, ""), ("LAK", 2, ""),
    ("LBP", 2, ""), ("LKR", 2, ""), ("LRD", 2, ""), ("LSL", 2, ""), ("LYD", 3, ""),
    ("MAD", 2, ""), ("MDL", 2, ""), ("MGA", 2, ""), ("MKD", 2, ""), ("MMK", 2, ""),
    ("MNT", 2, ""), ("MOP", 2, ""), ("MRU", 2, ""), ("MUR", 2, ""), ("MVR", 2, ""),
    ("MWK", 2, ""), ("MXN", 2, "MX$"), ("MYR", 2, ""), ("MZN", 2, ""), ("NAD", 2, ""),
    ("NGN", 2, "₦"), ("NIO", 2, ""), ("NOK", 2, ""), ("NPR", 2, ""), ("NZD", 2, "NZ$"),
    ("OMR", 3, ""), ("PAB", 2, ""), ("PEN", 2, ""), ("PGK", 2, ""), ("PHP", 2, "₱"),
    ("PKR", 2, ""), ("PLN", 2, ""), ("PYG", 0, ""), ("QAR", 2, ""), ("RON", 2, ""),
    ("RSD", 2, ""), ("RUB", 2, "₽"), ("RWF", 0, ""), ("SAR", 2, ""), ("SBD", 2, ""),
    ("SCR", 2, ""), ("SDG", 2, ""), ("SEK", 2, ""), ("SGD", 2, "S$"), ("SHP", 2, ""),
    ("SLE", 2, ""), ("SOS", 2, ""), ("SRD", 2, ""), ("SSP", 2, ""), ("STN", 2, ""),
    ("SVC", 2, ""), ("SYP", 2, ""), ("SZL", 2, ""), ("THB", 2, "฿"), ("TJS", 2, ""),
    ("TMT", 2, ""), ("TND", 3, ""), ("TOP", 2, ""), ("TRY", 2, "₺"), ("TTD", 2, ""),
    ("TWD", 2, "NT$"), ("TZS", 2, ""), ("UAH", 2, "₴"), ("UGX", 0, ""), ("USD", 2, "$"),
    ("UYU", 2, ""), ("UZS", 2, ""), ("VES", 2, ""), ("VND", 0, "₫"), ("VUV", 0, ""),
    ("WST", 2, ""), ("XAF", 0, ""), ("XCD", 2, ""), ("XCG", 2, ""), ("XOF", 0, ""),
    ("XPF", 0, ""), ("YER", 2, ""), ("ZAR", 2, ""), ("ZMW", 2, ""), ("ZWG", 2, ""),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn cents(text: &str) -> Result<i64, String> {
        Money::parse(text).map(Money::cents)
    }

    #[test]
    fn parses_amounts_as_hr_exports_write_them() {
        assert_eq!(cents("95000"), Ok(9_500_000));
        assert_eq!(cents("95,000"), Ok(9_500_000));
        assert_eq!(cents("95,000.50"), Ok(9_500_050));
        assert_eq!(cents("95.000,50"), Ok(9_500_050));
        assert_eq!(cents("95 000"), Ok(9_500_000));
        assert_eq!(cents("1,234,567"), Ok(123_456_700));
        assert_eq!(cents("95000,5"), Ok(9_500_050));
        assert_eq!(cents("$95,000"), Ok(9_500_000));
        assert_eq!(cents("€ 95.000,00"), Ok(9_500_000));
        assert_eq!(cents("95000 EUR"), Ok(9_500_000));
        assert_eq!(cents("0.1"), Ok(10));
        assert_eq!(cents("1234567.89"), Ok(123_456_789));
        assert_eq!(cents("12.345,678"), Ok(1_234_568));
        assert!(cents("-5").is_err());
        assert!(cents("").is_err());
        assert!(cents("abc").is_err());
        assert!(cents("1.2.3,4,5").is_err());
        assert!(cents("95000 per year!").is_err());
        assert!(cents("99999999999999").is_err());
    }

    #[test]
    fn displays_with_the_currency_symbol_or_code() {
        let eur = Currency::parse("eur");
        let chf = Currency::parse("CHF");
        let jpy = Currency::parse("JPY");
        let m = Money::from_cents(123_456_789);
        assert_eq!(m.display(eur.as_ref()), "€1,234,567.89");
        assert_eq!(m.display(chf.as_ref()), "CHF 1,234,567.89");
        assert_eq!(
            Money::from_cents(-120_000).display(eur.as_ref()),
            "-€1,200.00"
        );
        assert_eq!(Money::from_cents(500_000).display(jpy.as_ref()), "¥5,000");
        assert_eq!(
            Money::from_cents(500_050).display(jpy.as_ref()),
            "¥5,000.50"
        );
        assert_eq!(Money::ZERO.display(None), "0.00");
        assert!(Currency::parse("XYZ").is_none());
        assert!(Currency::parse("EURO").is_none());
    }

    #[test]
    fn products_and_pro_rating_round_to_the_cent() {
        let band = Money::from_cents(15_000_000);
        assert_eq!(band.times(0.8).cents(), 12_000_000);
        assert_eq!(Money::from_cents(10_001).times(0.5).cents(), 5_001);
        assert_eq!(band.pro_rata(365, 365), band);
        assert_eq!(Money::from_cents(100).pro_rata(1, 3).cents(), 33);
        assert_eq!(Money::from_cents(100).pro_rata(2, 3).cents(), 67);
        assert_eq!(Money::from_cents(1).pro_rata(1, 2).cents(), 1);
    }

    #[test]
    fn json_holds_amounts_exactly() {
        for c in [0i64, 1, 99, 9_500_050, 123_456_789, MAX_CENTS] {
            let m = Money::from_cents(c);
            let text = serde_json::to_string(&m).unwrap_or_default();
            let back: Money = serde_json::from_str(&text).unwrap_or(Money::from_cents(-1));
            assert_eq!(back, m, "{text}");
        }
        assert!(serde_json::from_str::<Money>("1e300").is_err());
    }
}
