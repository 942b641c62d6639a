using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Plivo.Generated.Tests;

/// <summary>
/// Seeded fuzzing of what Plivo (or a proxy) may answer: random and mutated bodies for every response type, with mostly
/// 200 and some other statuses. Every call must end in a parsed result or a <see cref="PlivoRestException"/> carrying
/// the status; no other exception may escape, an error status is never taken as a success, and no retry or extra
/// request is made. No network: the client runs over an in-memory handler.
/// </summary>
/// <remarks>
/// Reproduce a run with <c>dotnet test -- TestRunParameters.Parameter(name=\"FuzzSeed\", value=\"123\")</c>; every
/// failure shows the seed, the case index, the status and the body, and each case draws from its own Random.
/// </remarks>
public class ResponseFuzzingTests
{
    /// <summary>The operation under fuzz, and so the response type its bodies are derived from.</summary>
    public enum Operation
    {
        /// <summary>Powerpacks.GetAsync: PowerpackResource.</summary>
        Get,

        /// <summary>Tollfree.AddAsync: TollfreeNumber.</summary>
        Add,

        /// <summary>Tollfree.FindAsync: TollfreeNumber.</summary>
        Find,

        /// <summary>Tollfree.ListAsync: TollfreeNumberList.</summary>
        List,

        /// <summary>Tollfree.ListAllAsync: TollfreeNumberList, page after page.</summary>
        ListAll,

        /// <summary>Tollfree.RemoveAsync: RemoveResult.</summary>
        Remove,

        /// <summary>Every operation in turn, answered 400/404/500 with PlivoError bodies.</summary>
        Error,
    }

    private const int DefaultSeed = 20_240_611;
    private const int CasesPerOperation = 2_000;
    private const int ListAllItemCap = 50;
    private const int MaxReportedFailures = 10;

    private const string AuthId = "MAZDQ1ZJI0NDFMNZA0ZT";
    private const string AuthToken = "tok3n-S3CRET-must-never-leak-0123456789";
    private const string PowerpackUuid = "d35f2e82-d387-427f-8594-6fa07613c43a";
    private const string PoolUuid = "659c7f88-c819-46e2-8af4-2d8a84249099";
    private const string Number = "18772209942";

    private static readonly int[] OtherStatuses = { 200, 201, 204, 400, 401, 404, 429, 500, 502, 503 };
    private static readonly int[] ErrorStatuses = { 400, 404, 500 };

    // The spec's examples, with the documentation's placeholder Auth ID.
    private const string PowerpackExample = """
        {"api_id":"5b2a3a2c-7a36-11e8-aea7-0242ac110002","application_id":"","application_type":"","created_on":"2019-10-09T11:10:59.741978Z",
         "local_connect":true,"name":"marketing","number_pool":"/v1/Account/MAXXXXXXXXXXXXXXXXXX/NumberPool/659c7f88-c819-46e2-8af4-2d8a84249099/",
         "sticky_sender":true,"uuid":"d35f2e82-d387-427f-8594-6fa07613c43a"}
        """;

    private const string NumberExample = """
        {"account_phone_number_resource":"/v1/Account/MAXXXXXXXXXXXXXXXXXX/Number/18772209942/","added_on":"2019-10-09",
         "api_id":"612982e8-7a36-11e8-aea7-0242ac110002","country_iso2":"US","number":"18772209942",
         "number_pool_uuid":"659c7f88-c819-46e2-8af4-2d8a84249099","service":"sms","type":"tollfree"}
        """;

    private const string ListExample = """
        {"api_id":"614b2776-7a36-11e8-aea7-0242ac110002","meta":{"limit":20,"next":null,"offset":0,"previous":null,"total_count":1},
         "objects":[{"account_phone_number_resource":"/v1/Account/MAXXXXXXXXXXXXXXXXXX/Number/18772209942/","added_on":"2019-10-09",
                     "api_id":"614b2776-7a36-11e8-aea7-0242ac110002","country_iso2":"US","number":"18772209942",
                     "number_pool_uuid":"659c7f88-c819-46e2-8af4-2d8a84249099","service":"sms","type":"tollfree"}]}
        """;

    // A first page of many (same shape, "next" set), so that ListAllAsync walks on.
    private const string ListFirstPageExample = """
        {"api_id":"614b2776-7a36-11e8-aea7-0242ac110002",
         "meta":{"limit":2,"next":"/v1/Account/MAXXXXXXXXXXXXXXXXXX/NumberPool/659c7f88-c819-46e2-8af4-2d8a84249099/Tollfree/?limit=2&offset=2","offset":0,"previous":null,"total_count":40},
         "objects":[{"added_on":"2019-10-09","number":"18772209942","service":"sms","type":"tollfree"},
                    {"added_on":"2019-10-10","number":"18005550100","service":"mms","type":"tollfree"}]}
        """;

    private const string RemoveExample = """{"api_id":"615c4fc2-7a36-11e8-aea7-0242ac110002","response":"success"}""";

    private const string ErrorExample = """{"api_id":"8c1b2d3e-7a36-11e8-aea7-0242ac110002","error":"number already exists in the number pool"}""";

    private static int Seed => TestContext.Parameters.Get("FuzzSeed", DefaultSeed);

    [TestCase(Operation.Get)]
    [TestCase(Operation.Add)]
    [TestCase(Operation.Find)]
    [TestCase(Operation.List)]
    [TestCase(Operation.ListAll)]
    [TestCase(Operation.Remove)]
    [TestCase(Operation.Error)]
    public async Task Every_answer_ends_in_a_result_or_a_PlivoRestException(Operation operation)
    {
        var seed = Seed;
        var clock = Stopwatch.StartNew();
        var stub = new StubHandler();
        using var http = new HttpClient(stub);
        using var api = new PlivoApi(AuthId, AuthToken, http, new PlivoClientOptions { BaseUrl = new Uri("https://api.plivo.com/v1/"), MaxRetries = 0 });
        var pool = api.NumberPool(PoolUuid).Tollfree;

        // Failures grouped by kind (an escaped exception type and where it was thrown, say): each kind's count and first case.
        var failures = new Dictionary<string, (int Count, string First)>();
        var failureCount = 0;
        var results = 0;
        var plivoErrors = 0;
        var totalRequests = 0;
        var expectedRequests = 0;
        var statuses = new SortedDictionary<int, int>();

        for (var index = 0; index < CasesPerOperation; index++)
        {
            var random = Fuzz.ForCase(seed, (int)operation + 1, index);
            var target = operation == Operation.Error ? (Operation)(index % (int)Operation.Error) : operation;
            // The first answer is made here, so a fault of the generator cannot pass for one of the client; later
            // pages (ListAllAsync) are made on demand, from the same case's Random.
            stub.Serve(NextAnswer(random, operation), () => NextAnswer(random, operation));

            Exception? error = null;
            object? result = null;
            var items = 0;
            try
            {
                switch (target)
                {
                    case Operation.Get:
                        result = await api.Powerpacks.GetAsync(PowerpackUuid);
                        break;
                    case Operation.Add:
                        result = await pool.AddAsync(Number);
                        break;
                    case Operation.Find:
                        result = await pool.FindAsync(Number);
                        break;
                    case Operation.List:
                        result = await pool.ListAsync();
                        break;
                    case Operation.ListAll:
                        // Capped: a body that keeps saying "next" must not keep this test busy either.
                        await foreach (var unused in pool.ListAllAsync())
                        {
                            if (++items >= ListAllItemCap)
                            {
                                break;
                            }
                        }

                        result = items;
                        break;
                    default:
                        result = await pool.RemoveAsync(Number);
                        break;
                }
            }
            catch (Exception e)
            {
                error = e;
            }

            var served = stub.TakeServed();
            totalRequests += served.Count;
            foreach (var answer in served)
            {
                statuses[answer.Status] = statuses.GetValueOrDefault(answer.Status) + 1;
            }

            string Describe()
            {
                // The first two answers and the last, which is the one that failed when a later page did.
                var shown = served.Count <= 3 ? served : served.Take(2).Append(served[^1]).ToList();
                return $"seed {seed}, {operation} case {index} ({target}), {served.Count} answer(s): " +
                    string.Join(" | then ", shown.Select(a => $"status {a.Status}, body {ShowBytes(a.Body)}"));
            }

            void Fail(string kind, string what)
            {
                failureCount++;
                failures[kind] = failures.TryGetValue(kind, out var seen) ? (seen.Count + 1, seen.First) : (1, $"{what}\n      {Describe()}");
            }

            if (target == Operation.ListAll)
            {
                // How many pages depends on the bodies; what must hold: at least one request, and since every page but
                // the last yields an item (an empty page ends the walk), at most items + 1 <= cap + 1: no endless walk.
                expectedRequests += served.Count;
                if (served.Count < 1 || served.Count > items + 1)
                {
                    Fail("ListAllAsync request count", $"ListAllAsync made {served.Count} request(s) for {items} item(s)");
                }
            }
            else
            {
                // No retries (MaxRetries = 0) and nothing else: exactly one request per call.
                expectedRequests++;
                if (served.Count != 1)
                {
                    Fail("request count", $"{target} made {served.Count} requests, expected exactly 1");
                }
            }

            if (error is null)
            {
                results++;
                if (result is null)
                {
                    Fail("null result", $"{target} returned null");
                }

                if (served.Any(a => a.Status != 200))
                {
                    Fail("error status taken as success", $"{target} returned a result although the answer's status was {string.Join("/", served.Select(a => a.Status))}");
                }
            }
            else if (error is PlivoRestException plivo)
            {
                plivoErrors++;
                if (served.Count > 0 && plivo.StatusCode != served[^1].Status)
                {
                    Fail("wrong StatusCode", $"PlivoRestException.StatusCode is {plivo.StatusCode}, the answer's status was {served[^1].Status}");
                }

                if (plivo.ToString().Contains(AuthToken, StringComparison.Ordinal))
                {
                    Fail("token shown", "the PlivoRestException shows the Auth Token");
                }
            }
            else
            {
                var message = error.Message.Length > 200 ? error.Message.Substring(0, 200) + "..." : error.Message;
                var thrownAt = error.StackTrace?.Split('\n').FirstOrDefault()?.Trim();
                Fail($"{error.GetType().FullName} {thrownAt}", $"{target} threw {error.GetType().FullName}, neither a result nor a PlivoRestException: {message}\n      {thrownAt}");
            }
        }

        clock.Stop();
        var summary =
            $"{operation}: seed {seed}, {CasesPerOperation} cases in {clock.Elapsed.TotalSeconds:0.00} s: {results} parsed results, " +
            $"{plivoErrors} PlivoRestExceptions, {failureCount} failures, {totalRequests} requests; statuses " +
            string.Join(", ", statuses.Select(s => $"{s.Key}x{s.Value}"));
        TestContext.Out.WriteLine(summary);

        Assert.Multiple(() =>
        {
            Assert.That(failureCount, Is.Zero, () =>
                $"seed {seed}: {failureCount} failing case(s) for {operation} (rerun with FuzzSeed={seed}), {failures.Count} kind(s), first case of each:\n" +
                string.Join("\n", failures.Take(MaxReportedFailures).Select(f => $"  [{f.Value.Count}x] {f.Value.First}")) + "\n" + summary);
            Assert.That(stub.Requests, Is.EqualTo(expectedRequests).And.EqualTo(totalRequests), $"requests the stub saw. {summary}");
            Assert.That(plivoErrors, Is.GreaterThanOrEqualTo(CasesPerOperation / 10), $"too few PlivoRestExceptions to mean anything. {summary}");
            if (operation == Operation.Error)
            {
                Assert.That(results, Is.Zero, $"an error status must never give a result. {summary}");
            }
            else
            {
                Assert.That(results, Is.GreaterThanOrEqualTo(CasesPerOperation / 10), $"too few parsed results to mean anything. {summary}");
            }
        });
    }

    /// <summary>A minimal repro of what the fuzzing finds for the date field: Plivo answers 200 with an added_on that is not a date.</summary>
    [TestCase("2019-13-45")]
    [TestCase("yesterday")]
    [TestCase("2019-10-09T25:00:00")]
    public async Task A_malformed_added_on_in_a_200_gives_a_result_or_a_PlivoRestException(string addedOn)
    {
        await AssertResultOrPlivoRestException(200, $$"""{"number":"18772209942","added_on":"{{addedOn}}"}""", pool => pool.FindAsync(Number));
    }

    /// <summary>A minimal repro of what the fuzzing finds for Json.NET's metadata names: a "$type" that is not a string, first in an object.</summary>
    [TestCase(200, """{"$type":null,"api_id":"615c4fc2-7a36-11e8-aea7-0242ac110002","response":"success"}""")]
    [TestCase(200, """{"$type":[],"response":"success"}""")]
    [TestCase(404, """{"$type":{},"api_id":"8c1b2d3e-7a36-11e8-aea7-0242ac110002","error":"not found"}""")]
    public async Task A_non_string_type_metadata_property_gives_a_result_or_a_PlivoRestException(int status, string body)
    {
        await AssertResultOrPlivoRestException(status, body, pool => pool.RemoveAsync(Number));
    }

    private static async Task AssertResultOrPlivoRestException(int status, string body, Func<TollfreeNumbers, Task> call)
    {
        var stub = new StubHandler();
        var answer = (status, Encoding.UTF8.GetBytes(body));
        stub.Serve(answer, () => answer);
        using var http = new HttpClient(stub);
        using var api = new PlivoApi(AuthId, AuthToken, http, new PlivoClientOptions { BaseUrl = new Uri("https://api.plivo.com/v1/"), MaxRetries = 0 });

        Exception? error = null;
        try
        {
            await call(api.NumberPool(PoolUuid).Tollfree);
        }
        catch (Exception e)
        {
            error = e;
        }

        if (error is null)
        {
            Assert.That(status, Is.EqualTo(200), "only a 200 may give a result");
        }
        else
        {
            Assert.That(error, Is.InstanceOf<PlivoRestException>(), $"got {error.GetType().FullName}: {error.Message}");
            Assert.That(((PlivoRestException)error).StatusCode, Is.EqualTo(status));
        }
    }

    private static (int Status, byte[] Body) NextAnswer(Random random, Operation operation)
    {
        if (operation == Operation.Error)
        {
            return (ErrorStatuses[random.Next(ErrorStatuses.Length)], Fuzz.Body(random, new[] { ErrorExample }));
        }

        var status = random.Next(100) < 70 ? 200 : OtherStatuses[random.Next(OtherStatuses.Length)];
        var examples = operation switch
        {
            Operation.Get => new[] { PowerpackExample },
            Operation.Add or Operation.Find => new[] { NumberExample },
            Operation.List or Operation.ListAll => new[] { ListExample, ListFirstPageExample },
            _ => new[] { RemoveExample },
        };

        // Now and then an error status carries Plivo's error JSON, as the real service would.
        if (status != 200 && random.Next(3) == 0)
        {
            examples = new[] { ErrorExample };
        }

        return (status, Fuzz.Body(random, examples));
    }

    /// <summary>Printable ASCII as is, every other byte as \xNN; cut after 300 bytes.</summary>
    private static string ShowBytes(byte[] body)
    {
        const int max = 300;
        var shown = new StringBuilder("\"");
        foreach (var b in body.Take(max))
        {
            shown.Append(b is >= 0x20 and < 0x7F and not (byte)'"' and not (byte)'\\' ? ((char)b).ToString() : $"\\x{b:X2}");
        }

        shown.Append('"');
        return body.Length > max ? $"{shown}... ({body.Length} bytes)" : shown.ToString();
    }

    /// <summary>Answers every request with the next fuzzed status and body (application/json); never touches a network.</summary>
    private sealed class StubHandler : HttpMessageHandler
    {
        private readonly List<(int Status, byte[] Body)> _served = new();
        private (int Status, byte[] Body)? _first;
        private Func<(int Status, byte[] Body)> _next = () => throw new InvalidOperationException("no answer set");

        public int Requests { get; private set; }

        /// <summary>Answers the next request with <paramref name="first"/>, and each one after it with a call of <paramref name="next"/>.</summary>
        public void Serve((int Status, byte[] Body) first, Func<(int Status, byte[] Body)> next)
        {
            _first = first;
            _next = next;
        }

        public List<(int Status, byte[] Body)> TakeServed()
        {
            var served = _served.ToList();
            _served.Clear();
            return served;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            var answer = _first ?? _next();
            _first = null;
            _served.Add(answer);
            var content = new ByteArrayContent(answer.Body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage((HttpStatusCode)answer.Status) { Content = content, RequestMessage = request });
        }
    }

    /// <summary>The body generator: examples as they are, mutated as JSON, mutated as bytes, or replaced wholesale.</summary>
    private static class Fuzz
    {
        private static readonly string[] TrickyStrings =
        {
            "", " ", "null", "true", "0", "{}", "[]", "2019-13-45", "2019-10-09T25:61:00", "yesterday", "0000-00-00", "9999-12-31",
            "2019-10-09T11:10:59.741978Z", "2019-02-29", "10/09/2019", "\u0000", "\uD800", "\uDFFF\uD800", "\U0001F600", "\u202Eevil",
            "<script>alert(1)</script>", "/v1/Account/MAXXXXXXXXXXXXXXXXXX/NumberPool/../", "/v1/Account/MAXXXXXXXXXXXXXXXXXX/NumberPool/not-a-uuid/",
            "/v1/Account/MAXXXXXXXXXXXXXXXXXX/NumberPool/659C7F88-C819-46E2-8AF4-2D8A84249099/", "NumberPool/", "/NumberPool//",
            "659c7f88-c819-46e2-8af4-2d8a84249099", "sms", "mms", "MMS", "tollfree", "success", "\\", "\"", "%2F", "\r\n",
        };

        private static readonly string[] NumberTokens =
        {
            "0", "-0", "1", "-1", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
            "123456789012345678901234567890", "1e400", "-1e400", "1.7976931348623157e309", "4.9e-325", "1.5", "1E+2", "0.0",
            "NaN", "Infinity", "-Infinity", "0x1F", "01", "1e", "--1", ".5", "5.",
        };

        private static readonly string[] FieldNames =
        {
            "api_id", "uuid", "name", "number_pool", "created_on", "sticky_sender", "local_connect", "application_type", "application_id",
            "account_phone_number_resource", "added_on", "country_iso2", "number", "number_pool_uuid", "service", "type",
            "meta", "objects", "limit", "offset", "total_count", "next", "previous", "response", "error", "$type", "$ref", "$id", "",
        };

        private static readonly string[] MetadataNames = { "$type", "$ref", "$id", "$values" };

        private static readonly byte[][] InvalidUtf8 =
        {
            new byte[] { 0xFF }, new byte[] { 0xFE }, new byte[] { 0x80 }, new byte[] { 0xC0, 0x80 }, new byte[] { 0xC1, 0xBF },
            new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xE2, 0x82 }, new byte[] { 0xF4, 0x90, 0x80, 0x80 },
            new byte[] { 0xF8, 0x88, 0x80, 0x80, 0x80 }, new byte[] { 0xEF, 0xBB, 0xBF }, new byte[] { 0x00 },
        };

        private static readonly string[] Wholesale =
        {
            "", " ", "\n", "\r\n\t  ", "null", "true", "false", "0", "-1", "\"\"", "\"text\"", "[]", "{}", "[{}]", "[null]", "{\"\":null}",
            "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>",
            "<!DOCTYPE html><html><body>Service Unavailable</body></html>", "<?xml version=\"1.0\"?><error>x</error>",
            "Internal Server Error", "OK", "{'api_id':'x','error':'single quotes'}", "{api_id:\"x\"}", "{\"a\":1,}", "[1,2,]",
            "{\"a\":1 /* comment */}", "// comment\n{}", "{\"a\":1}{\"b\":2}", "{\"a\":1}]", "{\"a\":", "{\"a\"", "{", "[", "\"", "}",
            "\uFEFF{}", "{\"objects\":[null,1,\"x\",[],{}]}", "{\"meta\":[],\"objects\":{}}", "{\"meta\":null,\"objects\":null}",
        };

        private static readonly int[] NestingDepths = { 10, 63, 64, 65, 100, 1_000, 10_000 };

        /// <summary>Each case draws from its own Random, so a case can be replayed from the seed and its index alone.</summary>
        public static Random ForCase(int seed, int stream, int index)
        {
            // splitmix64 of (seed, stream, index): neighbouring cases get unrelated generators.
            var z = unchecked(((ulong)(uint)seed << 32) ^ ((ulong)(uint)stream << 24) ^ (uint)index);
            z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
            z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
            z ^= z >> 31;
            return new Random(unchecked((int)z ^ (int)(z >> 32)));
        }

        public static byte[] Body(Random random, string[] examples)
        {
            var example = examples[random.Next(examples.Length)];
            var roll = random.Next(100);
            if (roll < 10)
            {
                return Encoding.UTF8.GetBytes(example);
            }

            if (roll < 50)
            {
                return Encoding.UTF8.GetBytes(MutateJson(random, example));
            }

            if (roll < 80)
            {
                var text = random.Next(2) == 0 ? example : MutateJson(random, example);
                return MutateBytes(random, Encoding.UTF8.GetBytes(text));
            }

            return random.Next(5) switch
            {
                0 => Encoding.UTF8.GetBytes(Wholesale[random.Next(Wholesale.Length)]),
                1 => Encoding.UTF8.GetBytes(RandomValue(random, 0).ToString(Formatting.None)),
                2 => Encoding.UTF8.GetBytes(Nested(random, NestingDepths[random.Next(NestingDepths.Length)])),
                3 => Encoding.UTF8.GetBytes(RandomObject(random, 0).ToString(Formatting.None)),
                _ => RandomBytes(random, random.Next(0, 512)),
            };
        }

        /// <summary>1 to 4 changes to the parsed example: type swaps, odd values, removed and added fields, deep nesting.</summary>
        private static string MutateJson(Random random, string example)
        {
            var root = JToken.Parse(example);
            for (var i = random.Next(1, 5); i > 0; i--)
            {
                var nodes = (root is JContainer container ? container.DescendantsAndSelf() : new[] { root }).Where(t => t is JValue or JObject or JArray).ToList();
                var node = nodes[random.Next(nodes.Count)];
                JToken replacement;
                switch (random.Next(8))
                {
                    case 0:
                        replacement = RandomValue(random, 2); // string <-> number <-> bool <-> null <-> object <-> array
                        break;
                    case 1:
                        replacement = new JValue(TrickyStrings[random.Next(TrickyStrings.Length)]);
                        break;
                    case 2:
                        replacement = new JRaw(NumberTokens[random.Next(NumberTokens.Length)]);
                        break;
                    case 3:
                        replacement = new JRaw(Nested(random, NestingDepths[random.Next(NestingDepths.Length)]));
                        break;
                    case 4:
                        replacement = new JValue(new string((char)random.Next(0x20, 0x7F), random.Next(1_000, 100_000)));
                        break;
                    case 5:
                        if (root is JObject removeFrom && removeFrom.Count > 0)
                        {
                            removeFrom.Properties().ElementAt(random.Next(removeFrom.Count)).Remove();
                        }

                        continue;
                    case 6:
                        // Json.NET's metadata names, read only as an object's first properties.
                        var objects = nodes.OfType<JObject>().ToList();
                        if (objects.Count > 0)
                        {
                            var holder = objects[random.Next(objects.Count)];
                            var name = MetadataNames[random.Next(MetadataNames.Length)];
                            holder.Remove(name);
                            holder.AddFirst(new JProperty(name, RandomValue(random, 2)));
                        }

                        continue;
                    default:
                        if (root is JObject addTo)
                        {
                            addTo[FieldNames[random.Next(FieldNames.Length)] + (random.Next(4) == 0 ? "_x" : string.Empty)] = RandomValue(random, 1);
                        }

                        continue;
                }

                if (node == root)
                {
                    root = replacement;
                }
                else
                {
                    node.Replace(replacement);
                }
            }

            return root.ToString(random.Next(2) == 0 ? Formatting.None : Formatting.Indented);
        }

        /// <summary>Truncation, bit flips, inserted and deleted bytes, invalid UTF-8.</summary>
        private static byte[] MutateBytes(Random random, byte[] bytes)
        {
            var body = bytes.ToList();
            for (var i = random.Next(1, 4); i > 0; i--)
            {
                switch (random.Next(5))
                {
                    case 0:
                        body = body.Take(random.Next(body.Count + 1)).ToList();
                        break;
                    case 1:
                        for (var flips = random.Next(1, 6); flips > 0 && body.Count > 0; flips--)
                        {
                            var at = random.Next(body.Count);
                            body[at] ^= (byte)(1 << random.Next(8));
                        }

                        break;
                    case 2:
                        var insert = random.Next(2) == 0 ? RandomBytes(random, random.Next(1, 6)) : Encoding.ASCII.GetBytes("{}[]\",:\\"[random.Next(8)].ToString());
                        body.InsertRange(random.Next(body.Count + 1), insert);
                        break;
                    case 3:
                        if (body.Count > 0)
                        {
                            var start = random.Next(body.Count);
                            body.RemoveRange(start, Math.Min(body.Count - start, random.Next(1, 16)));
                        }

                        break;
                    default:
                        // Invalid UTF-8, preferably inside a string value.
                        var quote = body.IndexOf((byte)'"', random.Next(body.Count + 1));
                        body.InsertRange(quote < 0 ? random.Next(body.Count + 1) : quote + 1, InvalidUtf8[random.Next(InvalidUtf8.Length)]);
                        break;
                }
            }

            return body.ToArray();
        }

        private static JToken RandomValue(Random random, int depth) => random.Next(depth > 3 ? 5 : 7) switch
        {
            0 => new JValue(TrickyStrings[random.Next(TrickyStrings.Length)]),
            1 => new JValue(random.Next(3) == 0 ? random.NextDouble() * 1e6 : random.Next(int.MinValue, int.MaxValue)),
            2 => new JValue(random.Next(2) == 0),
            3 => JValue.CreateNull(),
            4 => new JRaw(NumberTokens[random.Next(NumberTokens.Length)]),
            5 => RandomObject(random, depth + 1),
            _ => new JArray(Enumerable.Range(0, random.Next(4)).Select(_ => RandomValue(random, depth + 1))),
        };

        private static JObject RandomObject(Random random, int depth)
        {
            var result = new JObject();
            for (var i = random.Next(6); i > 0; i--)
            {
                result[FieldNames[random.Next(FieldNames.Length)]] = RandomValue(random, depth + 1);
            }

            return result;
        }

        private static string Nested(Random random, int depth)
        {
            var inner = random.Next(2) == 0 ? "1" : "{}";
            return random.Next(2) == 0
                ? new string('[', depth) + inner + new string(']', depth)
                : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + inner + new string('}', depth);
        }

        private static byte[] RandomBytes(Random random, int count)
        {
            var bytes = new byte[count];
            random.NextBytes(bytes);
            return bytes;
        }
    }
}
