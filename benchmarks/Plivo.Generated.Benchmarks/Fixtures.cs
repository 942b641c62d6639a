using System.Globalization;
using System.Linq;
using System.Text;

namespace Plivo.Generated.Benchmarks;

/// <summary>What both sides of every benchmark share: credentials, ids, and Plivo's documented answers.</summary>
public static class Fixtures
{
    public const string AuthId = "MAZDQ1ZJI0NDFMNZA0ZT";
    public const string AuthToken = "bench-token-0123456789abcdef";
    public const string PoolUuid = "659c7f88-c819-46e2-8af4-2d8a84249099";
    public const string PowerpackUuid = "d35f2e82-d387-427f-8594-6fa07613c43a";
    public const string PowerpackName = "marketing";
    public const string Number = "18772209942";
    public const int PageSize = 20;

    /// <summary>Plivo's documented add answer (the same text as AddExample in the tests' WireMockTestBase); also the find answer.</summary>
    public const string AddJson = """
        {
          "account_phone_number_resource": "/v1/Account/MAZDQ1ZJI0NDFMNZA0ZT/Number/18772209942/",
          "added_on": "2019-10-09",
          "api_id": "612982e8-7a36-11e8-aea7-0242ac110002",
          "country_iso2": "US",
          "number": "18772209942",
          "number_pool_uuid": "659c7f88-c819-46e2-8af4-2d8a84249099",
          "service": "sms",
          "type": "tollfree"
        }
        """;

    /// <summary>Plivo's documented Powerpack answer.</summary>
    public const string PowerpackJson = $$"""
        {
          "api_id": "8a1d3a4e-09b3-11ea-b072-0242ac110007",
          "application_id": "",
          "application_type": "",
          "created_on": "2019-10-09T11:10:59.741978Z",
          "local_connect": true,
          "name": "{{PowerpackName}}",
          "number_pool": "/v1/Account/{{AuthId}}/NumberPool/{{PoolUuid}}/",
          "sticky_sender": true,
          "uuid": "{{PowerpackUuid}}"
        }
        """;

    /// <summary>A full page: 20 numbers in the documented shape, meta pointing at the next page.</summary>
    public static readonly string ListJson = BuildListJson(PageSize);

    public static readonly byte[] AddBytes = Encoding.UTF8.GetBytes(AddJson);
    public static readonly byte[] PowerpackBytes = Encoding.UTF8.GetBytes(PowerpackJson);
    public static readonly byte[] ListBytes = Encoding.UTF8.GetBytes(ListJson);

    /// <summary>A full page of Powerpacks: 20 in the documented shape.</summary>
    public static readonly byte[] PowerpackListBytes = Encoding.UTF8.GetBytes(Page(
        Enumerable.Range(0, PageSize).Select(i => PowerpackJson.Replace("\"name\": \"" + PowerpackName + "\"", $"\"name\": \"{PowerpackName}-{i}\"")),
        $"/v1/Account/{AuthId}/Powerpack/?limit=20&offset=20"));

    /// <summary>A full page of a pool's numbers (long codes): 20 in the documented shape.</summary>
    public static readonly byte[] NumberListBytes = Encoding.UTF8.GetBytes(Page(
        Enumerable.Range(0, PageSize).Select(i => AddJson.Replace(Number, (14155550100L + i).ToString(CultureInfo.InvariantCulture)).Replace("\"tollfree\"", "\"fixed\"")),
        $"/v1/Account/{AuthId}/NumberPool/{PoolUuid}/Number/?limit=20&offset=20"));

    private static string Page(System.Collections.Generic.IEnumerable<string> objects, string next) => $$"""
        {
          "api_id": "614b2776-7a36-11e8-aea7-0242ac110002",
          "meta": { "limit": 20, "next": "{{next}}", "offset": 0, "previous": null, "total_count": 100 },
          "objects": [
        {{string.Join(",\n", objects)}}
          ]
        }
        """;

    private static string BuildListJson(int count)
    {
        var objects = Enumerable.Range(0, count).Select(i =>
        {
            var number = (18772209900L + i).ToString(CultureInfo.InvariantCulture);
            return $$"""
                {
                  "account_phone_number_resource": "/v1/Account/{{AuthId}}/Number/{{number}}/",
                  "added_on": "2019-10-{{(i % 28) + 1:D2}}",
                  "api_id": "614b2776-7a36-11e8-aea7-0242ac110002",
                  "country_iso2": "US",
                  "number": "{{number}}",
                  "number_pool_uuid": "{{PoolUuid}}",
                  "service": "{{(i % 2 == 0 ? "sms" : "mms")}}",
                  "type": "tollfree"
                }
                """;
        });
        return $$"""
            {
              "api_id": "614b2776-7a36-11e8-aea7-0242ac110002",
              "meta": {
                "limit": 20,
                "next": "/v1/Account/{{AuthId}}/NumberPool/{{PoolUuid}}/Tollfree/?limit=20&offset=20",
                "offset": 0,
                "previous": null,
                "total_count": 100
              },
              "objects": [
            {{string.Join(",\n", objects)}}
              ]
            }
            """;
    }

    /// <summary>The numbers the throughput run adds (the stub server does not care; each side adds the same list).</summary>
    public static string[] Numbers(int count) =>
        Enumerable.Range(0, count).Select(i => "1800" + (i % 10_000_000).ToString("D7", CultureInfo.InvariantCulture)).ToArray();
}
