using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using NUnit.Framework;
using Plivo.Generated.Tests.Support;

namespace Plivo.Generated.Tests;

/// <summary>A bad argument fails with an exception naming the parameter, and no request leaves.</summary>
public class ArgumentValidationTests : WireMockTestBase
{
    private static readonly string?[] BadNumbers =
    {
        null, "", " ", "\t", "1877 220 9942", "+18772209942", "1877/2209942", "..", "18772209942/..", "1877?x=1", "1877#2209942",
        "1877ABC9942", "abc", "١٨٧٧٢٢٠٩٩٤٢" /* Arabic-Indic digits */, "１８７７２２０９９４２" /* full-width digits */, "0877220994",
        "1", "1234567890123456" /* 16 digits */, "18772209942\n", "%2F", "1877%2F2209942",
    };

    private static readonly string?[] BadUuids =
    {
        null, "", "  ", "not-a-uuid", "659c7f88c81946e28af42d8a84249099" /* no dashes */, "{659c7f88-c819-46e2-8af4-2d8a84249099}",
        "659c7f88-c819-46e2-8af4-2d8a8424909", "659c7f88-c819-46e2-8af4-2d8a84249099/..", "../659c7f88-c819-46e2-8af4-2d8a84249099",
        "659c7f88-c819-46e2-8af4-2d8a8424909z",
    };

    private void AssertNothingSent() => Assert.That(Server.LogEntries, Is.Empty, "no request may leave");

    private static Exception ExpectArgumentException(Func<Task> call, string paramName, string? value)
    {
        var e = Assert.CatchAsync<ArgumentException>(() => call());
        Assert.That(e!.ParamName, Is.EqualTo(paramName));
        if (value is null)
        {
            Assert.That(e, Is.InstanceOf<ArgumentNullException>());
        }

        return e;
    }

    [TestCaseSource(nameof(BadNumbers))]
    public void A_bad_toll_free_number_is_refused_by_every_operation(string? number)
    {
        var pool = Api.NumberPool(PoolUuid).Tollfree;

        ExpectArgumentException(() => pool.AddAsync(number!), "tollfreeNumber", number);
        ExpectArgumentException(() => pool.FindAsync(number!), "tollfreeNumber", number);
        ExpectArgumentException(() => pool.RemoveAsync(number!), "tollfreeNumber", number);

        AssertNothingSent();
    }

    [TestCaseSource(nameof(BadUuids))]
    public void A_bad_powerpack_uuid_is_refused(string? uuid)
    {
        ExpectArgumentException(() => Api.Powerpacks.GetAsync(uuid!), "powerpackUuid", uuid);
        AssertNothingSent();
    }

    [TestCaseSource(nameof(BadUuids))]
    public void A_bad_number_pool_uuid_is_refused(string? uuid)
    {
        var e = Assert.Catch<ArgumentException>(() => Api.NumberPool(uuid!));
        Assert.That(e!.ParamName, Is.EqualTo("numberPoolUuid"));
        AssertNothingSent();
    }

    [TestCase(0, null, "limit")]
    [TestCase(21, null, "limit")]
    [TestCase(-1, null, "limit")]
    [TestCase(null, -1, "offset")]
    [TestCase(5, int.MinValue, "offset")]
    public void A_limit_or_offset_out_of_range_is_refused(int? limit, int? offset, string paramName)
    {
        var e = Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Api.NumberPool(PoolUuid).Tollfree.ListAsync(limit, offset));
        Assert.That(e!.ParamName, Is.EqualTo(paramName));
        AssertNothingSent();
    }

    [TestCase(0)]
    [TestCase(21)]
    public void A_page_size_out_of_range_is_refused_before_enumerating(int pageSize)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Api.NumberPool(PoolUuid).Tollfree.ListAllAsync(pageSize));
        Assert.That(e!.ParamName, Is.EqualTo("pageSize"));
        AssertNothingSent();
    }

    [Test]
    public void An_undefined_service_value_is_refused()
    {
        var e = Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Api.NumberPool(PoolUuid).Tollfree.AddAsync(Number, (NumberService)42));
        Assert.That(e!.ParamName, Is.EqualTo("service"));
        AssertNothingSent();
    }

    [Test]
    public void The_message_shows_the_bad_value_and_what_was_expected()
    {
        var e = Assert.ThrowsAsync<ArgumentException>(() => Api.NumberPool(PoolUuid).Tollfree.AddAsync("+1 877"));
        Assert.That(e!.Message, Does.Contain("'+1 877'").And.Contain("E.164"));
    }

    public static IEnumerable<TestCaseData> BadCredentials()
    {
        yield return new TestCaseData(null, AuthToken, "authId").SetName("null Auth ID");
        yield return new TestCaseData("", AuthToken, "authId").SetName("empty Auth ID");
        yield return new TestCaseData("   ", AuthToken, "authId").SetName("blank Auth ID");
        yield return new TestCaseData("MA/../x", AuthToken, "authId").SetName("Auth ID with a slash");
        yield return new TestCaseData(AuthId, null, "authToken").SetName("null Auth Token");
        yield return new TestCaseData(AuthId, "", "authToken").SetName("empty Auth Token");
        yield return new TestCaseData(AuthId, " ", "authToken").SetName("blank Auth Token");
    }

    [TestCaseSource(nameof(BadCredentials))]
    public void Bad_credentials_are_refused_at_construction(string? authId, string? authToken, string paramName)
    {
        var e = Assert.Catch<ArgumentException>(() => new PlivoApi(authId!, authToken!, new PlivoClientOptions { BaseUrl = BaseUrl }).Dispose());
        Assert.That(e!.ParamName, Is.EqualTo(paramName));
        Assert.That(e.Message, Does.Not.Contain(AuthToken));
    }

    // ---- the Powerpack family -----------------------------------------------------------------------------------------

    [TestCaseSource(nameof(BadNumbers))]
    public async Task A_bad_pool_number_is_refused_by_every_operation_in_both_styles(string? number)
    {
        var numbers = Api.NumberPool(PoolUuid).Numbers;

        ExpectArgumentException(() => numbers.AddAsync(number!), "number", number);
        ExpectArgumentException(() => numbers.FindAsync(number!), "number", number);
        ExpectArgumentException(() => numbers.RemoveAsync(number!), "number", number);
        if (number is not null)
        {
            ExpectArgumentException(() => numbers.BuyAndAddAsync(number), "number", number);
        }

        AssertNothingSent();
        await Task.CompletedTask;
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("12")]
    [TestCase("123456789")]
    [TestCase("44444a")]
    [TestCase("４４４４４４")]
    [TestCase("444 444")]
    [TestCase("444/44")]
    public void A_bad_shortcode_is_refused(string? shortcode)
    {
        var shortcodes = Api.NumberPool(PoolUuid).Shortcodes;

        ExpectArgumentException(() => shortcodes.FindAsync(shortcode!), "shortcode", shortcode);
        ExpectArgumentException(() => shortcodes.RemoveAsync(shortcode!), "shortcode", shortcode);
        AssertNothingSent();
    }

    [Test]
    public void A_numbers_filter_is_checked_before_sending()
    {
        var numbers = Api.NumberPool(PoolUuid).Numbers;
        var eleven = new NumberFilter { CountryIso2 = "US" };
        for (var i = 0; i < 11; i++)
        {
            eleven.StartsWith.Add("14" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture));
        }

        ExpectArgumentException(() => numbers.ListAsync(eleven), "filter.StartsWith", "x");
        ExpectArgumentException(() => numbers.ListAsync(new NumberFilter { StartsWith = { "1415" } }), "filter.CountryIso2", "x");
        ExpectArgumentException(() => numbers.ListAsync(new NumberFilter { CountryIso2 = "USA" }), "filter.CountryIso2", "x");
        ExpectArgumentException(() => numbers.ListAsync(new NumberFilter { CountryIso2 = "US", StartsWith = { "14a5" } }), "filter.StartsWith", "x");
        ExpectArgumentException(() => numbers.ListAsync(new NumberFilter { Type = (NumberType)9 }), "filter.Type", "x");
        ExpectArgumentException(() => numbers.CountAsync(new NumberFilter { Service = (NumberService)9 }), "filter.Service", "x");
        ExpectArgumentException(() => numbers.ListAsync(limit: 21), "limit", "x");
        ExpectArgumentException(() => numbers.ListAsync(offset: -1), "offset", "x");
        Assert.Throws<ArgumentOutOfRangeException>(() => numbers.ListAllAsync(pageSize: 0));
        AssertNothingSent();
    }

    [Test]
    public void A_buy_and_add_needs_a_number_or_a_search_and_a_search_is_checked()
    {
        var numbers = Api.NumberPool(PoolUuid).Numbers;

        ExpectArgumentException(() => numbers.BuyAndAddAsync(), "search", null);
        ExpectArgumentException(() => numbers.BuyAndAddAsync(search: new PhoneNumberSearch("usa")), "search.CountryIso", "x");
        ExpectArgumentException(() => numbers.BuyAndAddAsync(search: new PhoneNumberSearch("US") { Pattern = "4+5" }), "search.Pattern", "x");
        ExpectArgumentException(() => numbers.BuyAndAddAsync(search: new PhoneNumberSearch("US") { Type = (NumberType)9 }), "search.Type", "x");
        AssertNothingSent();
    }

    [Test]
    public void A_Powerpack_create_or_update_is_checked_before_sending()
    {
        ExpectArgumentException(() => Api.Powerpacks.CreateAsync(null!), "name", null);
        ExpectArgumentException(() => Api.Powerpacks.CreateAsync(" "), "name", " ");
        ExpectArgumentException(() => Api.Powerpacks.CreateAsync("p", applicationType: (ApplicationType)9), "applicationType", "x");
        ExpectArgumentException(() => Api.Powerpacks.ListAsync(limit: 0), "limit", "x");
        Assert.Throws<ArgumentOutOfRangeException>(() => Api.Powerpacks.ListAllAsync(pageSize: 21));
        AssertNothingSent();
    }
}
