using System;
using System.Collections.Generic;
using System.Globalization;
using Newtonsoft.Json;
using NUnit.Framework;

namespace Plivo.Generated.Tests;

/// <summary>
/// The generated date converter reads "yyyy-MM-dd" digit by digit before DateTime.TryParseExact (a template change made
/// for speed): it must accept and reject exactly what TryParseExact does, with the same values.
/// </summary>
public class DateFormatConverterTests
{
    [Test]
    public void Every_day_from_year_1_to_9999_reads_as_TryParseExact_reads_it()
    {
        var mismatches = new List<string>();
        for (var day = new DateTime(1, 1, 1); ; day = day.AddDays(1))
        {
            Check(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), mismatches);
            if (day.Year == 9999 && day.Month == 12 && day.Day == 31)
            {
                break;
            }
        }

        Assert.That(mismatches, Is.Empty);
    }

    [TestCase("0000-01-01")]
    [TestCase("2019-02-29")]
    [TestCase("2020-02-30")]
    [TestCase("2019-13-01")]
    [TestCase("2019-00-10")]
    [TestCase("2019-10-00")]
    [TestCase("2019-10-32")]
    [TestCase("2019/10/09")]
    [TestCase("2019-1-009")]
    [TestCase("+019-10-09")]
    [TestCase("2019-10-0 ")]
    [TestCase(" 2019-10-9")]
    [TestCase("２０１９-10-09")]
    [TestCase("٢٠١٩-10-09")]
    public void A_malformed_or_impossible_date_is_rejected_as_TryParseExact_rejects_it(string text)
    {
        var mismatches = new List<string>();
        Check(text, mismatches);
        Assert.That(mismatches, Is.Empty);
        Assert.That(DateFormatConverter.TryParseDigits(text, out _), Is.False);
    }

    [Test]
    public void Ten_character_strings_of_digits_and_dashes_read_as_TryParseExact_reads_them()
    {
        var random = new Random(20261126);
        const string alphabet = "0123456789-- x";
        var mismatches = new List<string>();
        for (var i = 0; i < 200_000; i++)
        {
            var chars = new char[10];
            for (var c = 0; c < chars.Length; c++)
            {
                // Mostly the right shape, so that many candidates get as far as the month and day checks.
                chars[c] = c is 4 or 7 && random.Next(8) != 0 ? '-' : alphabet[random.Next(c is 4 or 7 ? alphabet.Length : 10 + (random.Next(20) == 0 ? 4 : 0))];
            }

            Check(new string(chars), mismatches);
        }

        Assert.That(mismatches, Is.Empty);
    }

    [Test]
    public void The_converter_reads_an_answer_date_as_before()
    {
        var number = JsonConvert.DeserializeObject<TollfreeNumber>("{\"added_on\":\"2019-10-09\"}")!;

        Assert.That(number.AddedOn, Is.EqualTo(new DateTime(2019, 10, 9)));
        Assert.That(number.AddedOn!.Value.Kind, Is.EqualTo(DateTimeKind.Unspecified));
    }

    [Test]
    [SetCulture("th-TH")]
    public void An_answer_date_is_read_in_the_Gregorian_calendar_whatever_the_current_culture()
    {
        // Plivo's dates are Gregorian. TryParseExact with the current culture would read "2019" as a Buddhist-era year here.
        Assume.That(CultureInfo.CurrentCulture.Calendar, Is.InstanceOf<ThaiBuddhistCalendar>(), "this machine has no Thai culture data");

        var number = JsonConvert.DeserializeObject<TollfreeNumber>("{\"added_on\":\"2019-10-09\"}")!;

        Assert.That(number.AddedOn, Is.EqualTo(new DateTime(2019, 10, 9)));
    }

    [Test]
    [SetCulture("th-TH")]
    public void A_date_impossible_in_the_Gregorian_calendar_is_rejected_whatever_the_current_culture()
    {
        Assume.That(CultureInfo.CurrentCulture.Calendar, Is.InstanceOf<ThaiBuddhistCalendar>(), "this machine has no Thai culture data");

        // 2019 is not a leap year; the Buddhist-era 2019 (1476) was.
        Assert.That(() => JsonConvert.DeserializeObject<TollfreeNumber>("{\"added_on\":\"2019-02-29\"}"), Throws.InstanceOf<JsonSerializationException>());
    }

    private static void Check(string text, List<string> mismatches)
    {
        var exact = DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expected);
        var fast = DateFormatConverter.TryParseDigits(text, out var actual);

        // The fast path may decline what TryParseExact reads (it then still reads it), but never read a different value
        // nor accept what TryParseExact rejects.
        if (fast && (!exact || actual != expected || actual.Kind != expected.Kind))
        {
            mismatches.Add($"{text}: fast {actual:o}, TryParseExact {(exact ? expected.ToString("o") : "rejects")}");
        }
        else if (exact && !fast)
        {
            mismatches.Add($"{text}: TryParseExact reads {expected:o}, the fast path declines");
        }
    }
}
