using System;
using System.Globalization;
using System.Text.Json;
using NUnit.Framework;

namespace Plivo.Generated.Tests;

/// <summary>
/// How a generated model reads a date (spec/templates/DateFormatConverter.liquid): yyyy-MM-dd or an ISO 8601
/// timestamp, in the Gregorian calendar whatever the current culture; anything else is a JSON error, which the client
/// reports as a PlivoRestException.
/// </summary>
public class DateFormatConverterTests
{
    private static readonly JsonSerializerOptions Settings = PlivoPipeline.ConfigureJsonSerializerSettings(new JsonSerializerOptions());

    private static TollfreeNumber Read(string addedOn) =>
        JsonSerializer.Deserialize<TollfreeNumber>("{\"added_on\":" + JsonSerializer.Serialize(addedOn) + "}", Settings)!;

    [Test]
    public void Every_day_of_two_centuries_reads_back_as_itself()
    {
        for (var day = new DateTime(1900, 1, 1); day.Year < 2100; day = day.AddDays(1))
        {
            var text = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var read = Read(text).AddedOn;
            if (read != day || read.Value.Kind != DateTimeKind.Unspecified)
            {
                Assert.Fail($"{text} read as {read:o}");
            }
        }
    }

    [TestCase("2019-10-09T11:10:59.741978Z", 2019, 10, 9, 11, 10, 59, DateTimeKind.Utc)]
    [TestCase("2019-10-09T11:10:59Z", 2019, 10, 9, 11, 10, 59, DateTimeKind.Utc)]
    [TestCase("2019-10-09 11:10:59.741978", 2019, 10, 9, 11, 10, 59, DateTimeKind.Unspecified)]
    [TestCase("2019-10-09T11:10:59", 2019, 10, 9, 11, 10, 59, DateTimeKind.Unspecified)]
    public void A_timestamp_reads_as_its_date_and_time(string text, int year, int month, int day, int hour, int minute, int second, DateTimeKind kind)
    {
        var read = Read(text).AddedOn!.Value;

        Assert.That(new DateTime(read.Year, read.Month, read.Day, read.Hour, read.Minute, read.Second), Is.EqualTo(new DateTime(year, month, day, hour, minute, second)));
        Assert.That(read.Kind, Is.EqualTo(kind));
    }

    [Test]
    public void An_offset_timestamp_reads_as_the_same_instant() =>
        Assert.That(Read("2019-10-09T13:10:59+02:00").AddedOn!.Value.ToUniversalTime(), Is.EqualTo(new DateTime(2019, 10, 9, 11, 10, 59, DateTimeKind.Utc)));

    [Test]
    public void An_empty_or_null_date_reads_as_no_date()
    {
        Assert.That(Read(string.Empty).AddedOn, Is.Null);
        Assert.That(JsonSerializer.Deserialize<TollfreeNumber>("{\"added_on\":null}", Settings)!.AddedOn, Is.Null);
    }

    [TestCase("0000-01-01")]
    [TestCase("2019-02-29")]
    [TestCase("2020-02-30")]
    [TestCase("2019-13-01")]
    [TestCase("2019-00-10")]
    [TestCase("2019-10-32")]
    [TestCase("2019/10/09")]
    [TestCase("2019-1-009")]
    [TestCase("+019-10-09")]
    [TestCase(" 2019-10-9")]
    [TestCase("10/09/2019")]
    [TestCase("Oct 9 2019")]
    [TestCase("２０１９-10-09")]
    [TestCase("٢٠١٩-10-09")]
    [TestCase("not a date")]
    public void A_malformed_or_impossible_date_is_a_JSON_error(string text) =>
        Assert.That(() => Read(text), Throws.InstanceOf<JsonException>().With.Property(nameof(JsonException.Path)).EqualTo("$.added_on"));

    [Test]
    public void A_number_where_a_date_belongs_is_a_JSON_error() =>
        Assert.That(() => JsonSerializer.Deserialize<TollfreeNumber>("{\"added_on\":20191009}", Settings), Throws.InstanceOf<JsonException>());

    [Test]
    [SetCulture("th-TH")]
    public void An_answer_date_is_read_in_the_Gregorian_calendar_whatever_the_current_culture()
    {
        // Plivo's dates are Gregorian. Parsing with the current culture would read "2019" as a Buddhist-era year here.
        Assume.That(CultureInfo.CurrentCulture.Calendar, Is.InstanceOf<ThaiBuddhistCalendar>(), "this machine has no Thai culture data");

        Assert.That(Read("2019-10-09").AddedOn, Is.EqualTo(new DateTime(2019, 10, 9)));
    }

    [Test]
    [SetCulture("th-TH")]
    public void A_date_impossible_in_the_Gregorian_calendar_is_rejected_whatever_the_current_culture()
    {
        Assume.That(CultureInfo.CurrentCulture.Calendar, Is.InstanceOf<ThaiBuddhistCalendar>(), "this machine has no Thai culture data");

        // 2019 is not a leap year; the Buddhist-era 2019 (1476) was.
        Assert.That(() => Read("2019-02-29"), Throws.InstanceOf<JsonException>());
    }

    [Test]
    [SetCulture("th-TH")]
    public void A_date_is_written_in_the_Gregorian_calendar_whatever_the_current_culture() =>
        Assert.That(JsonSerializer.Serialize(new TollfreeNumber { AddedOn = new DateTime(2019, 10, 9) }, Settings), Does.Contain("\"added_on\":\"2019-10-09\""));
}
