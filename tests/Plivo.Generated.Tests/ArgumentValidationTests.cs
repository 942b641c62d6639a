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
}
