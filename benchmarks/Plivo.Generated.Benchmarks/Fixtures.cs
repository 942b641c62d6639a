using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Plivo.Generated.Benchmarks;

/// <summary>What both sides of every benchmark share: credentials, ids, and Plivo's documented answers.</summary>
public static class Fixtures
{
    public const string AuthId = "MAZDQ1ZJI0NDFMNZA0ZT";
    public const string AuthToken = "bench-token-0123456789abcdef";
    public const string PoolUuid = "659c7f88-c819-46e2-8af4-2d8a84249099";
    public const string Number = "18772209942";

    /// <summary>Plivo's documented add answer (the same text as AddExample in the tests' WireMockTestBase).</summary>
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

    /// <summary>A full page: 20 numbers in the documented shape, meta pointing at the next page.</summary>
    public static readonly string ListJson = BuildListJson(20);

    public static readonly byte[] AddBytes = Encoding.UTF8.GetBytes(AddJson);
    public static readonly byte[] ListBytes = Encoding.UTF8.GetBytes(ListJson);

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

/// <summary>
/// The in-memory transport both sides use: no network, so a benchmark over it measures only the client. It reads the
/// request body as a transport would, and answers 200 with the documented JSON for POST (add) and the 20-number page for GET (list).
/// </summary>
public sealed class InMemoryPlivoHandler : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            await request.Content.CopyToAsync(System.IO.Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        var body = request.Method == HttpMethod.Get ? Fixtures.ListBytes : Fixtures.AddBytes;
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }
}
