using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using NUnit.Framework;
using Plivo.Generated.Tests.Support;
using WireMock.Logging;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Plivo.Generated.Tests;

/// <summary>
/// Seeded fuzzing of the three path parameters (toll-free number, number pool uuid, Powerpack uuid). For every generated
/// string the call either throws an <see cref="ArgumentException"/> naming the parameter and sends nothing, or sends
/// exactly one request whose path has the expected segments, the parameter's segment decoding back to exactly the
/// value (for uuids: the lower-case "D" form the client sends). A "/" or ".." can never split or climb the path. Beside
/// that property, an independent oracle (the documented shapes) says which values must be accepted and which refused.
/// </summary>
/// <remarks>
/// Reproduce a run with <c>dotnet test -- TestRunParameters.Parameter(name=\"FuzzSeed\", value=\"123\")</c>; every
/// failure message shows the seed and the case index, and each case draws from its own Random derived from both.
/// </remarks>
public class InputFuzzingTests : WireMockTestBase
{
    private const int DefaultSeed = 20_240_611;
    private const int CasesPerParameter = 10_000;
    private const int MinimumPerOutcome = 1_000;
    private const int BatchSize = 250;
    private const int ExamplesPerFailureKind = 5;

    private const string ListExample = """
        {"api_id":"614b2776-7a36-11e8-aea7-0242ac110002",
         "meta":{"limit":20,"next":null,"offset":0,"previous":null,"total_count":1},
         "objects":[{"account_phone_number_resource":"/v1/Account/MAZDQ1ZJI0NDFMNZA0ZT/Number/18772209942/","added_on":"2019-10-09",
                     "api_id":"614b2776-7a36-11e8-aea7-0242ac110002","country_iso2":"US","number":"18772209942",
                     "number_pool_uuid":"659c7f88-c819-46e2-8af4-2d8a84249099","service":"sms","type":"tollfree"}]}
        """;

    private const string RemoveExample = """{"api_id":"615c4fc2-7a36-11e8-aea7-0242ac110002","response":"success"}""";

    // [0-9] and \z, not \d and $: \d matches every Unicode digit and $ matches before a final "\n".
    private static readonly Regex StrictNumber = new(@"\A[1-9][0-9]{1,14}\z", RegexOptions.CultureInvariant);
    private static readonly Regex StrictUuid = new(@"\A[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\z", RegexOptions.CultureInvariant);

    private PlivoApi _api = null!;

    private static int Seed => TestContext.Parameters.Get("FuzzSeed", DefaultSeed);

    [SetUp]
    public void AnswerEverythingWithValidJson()
    {
        // Every accepted call succeeds, whatever path it used; matching happens on WireMock's decoded path.
        Server.Given(Request.Create().UsingGet().WithPath(new RegexMatcher("/Powerpack/"))).AtPriority(1)
            .RespondWith(Json(PowerpackJson(ValidPoolPath)));
        Server.Given(Request.Create().UsingGet().WithPath(new RegexMatcher("/Tollfree/$"))).AtPriority(1)
            .RespondWith(Json(ListExample));
        Server.Given(Request.Create().UsingGet()).AtPriority(5).RespondWith(Json(AddExample));
        Server.Given(Request.Create().UsingPost()).AtPriority(5).RespondWith(Json(AddExample));
        Server.Given(Request.Create().UsingDelete()).AtPriority(5).RespondWith(Json(RemoveExample));

        // No retries: a refused or failed call is never sent twice, so "exactly one request" is exact.
        _api = CreateApi(new PlivoClientOptions { MaxRetries = 0 });
    }

    [TearDown]
    public void DisposeApi() => _api.Dispose();

    private static IResponseBuilder Json(string body) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body);

    [Test]
    public async Task Toll_free_numbers_are_refused_or_sent_as_exactly_one_path_segment()
    {
        var pool = _api.NumberPool(PoolUuid).Tollfree;
        string[] NumberSegments(string n) => new[] { "v1", "Account", AuthId, "NumberPool", PoolUuid, "Tollfree", n };
        var calls = new[]
        {
            new Call("AddAsync", "POST", n => pool.AddAsync(n), NumberSegments),
            new Call("FindAsync", "GET", n => pool.FindAsync(n), NumberSegments),
            new Call("RemoveAsync", "DELETE", n => pool.RemoveAsync(n), NumberSegments),
            new Call("RemoveAsync(unrent: true)", "DELETE", n => pool.RemoveAsync(n, unrent: true), NumberSegments),
        };

        await FuzzAsync(new Parameter(
            "toll-free number", "tollfreeNumber", Stream: 1, Generator.TollfreeNumber, calls,
            Classify: value => value is not null && StrictNumber.IsMatch(value) ? Validity.Valid : Validity.Invalid,
            ExpectedSegment: value => value));
    }

    [Test]
    public async Task Number_pool_uuids_are_refused_or_sent_in_canonical_form_as_exactly_one_path_segment()
    {
        string[] NumberSegments(string u) => new[] { "v1", "Account", AuthId, "NumberPool", u, "Tollfree", Number };
        string[] ListSegments(string u) => new[] { "v1", "Account", AuthId, "NumberPool", u, "Tollfree" };
        var calls = new[]
        {
            new Call("NumberPool(uuid).Tollfree.FindAsync", "GET", async u => await _api.NumberPool(u).Tollfree.FindAsync(Number), NumberSegments),
            new Call("NumberPool(uuid).Tollfree.ListAsync", "GET", async u => await _api.NumberPool(u).Tollfree.ListAsync(), ListSegments),
            new Call("NumberPool(uuid).Tollfree.AddAsync", "POST", async u => await _api.NumberPool(u).Tollfree.AddAsync(Number), NumberSegments),
            new Call("NumberPool(uuid).Tollfree.RemoveAsync", "DELETE", async u => await _api.NumberPool(u).Tollfree.RemoveAsync(Number), NumberSegments),
        };

        await FuzzAsync(new Parameter(
            "number pool uuid", "numberPoolUuid", Stream: 2, Generator.Uuid, calls, ClassifyUuid, CanonicalUuid));
    }

    [Test]
    public async Task Powerpack_uuids_are_refused_or_sent_in_canonical_form_as_exactly_one_path_segment()
    {
        var calls = new[]
        {
            new Call("Powerpacks.GetAsync", "GET", u => _api.Powerpacks.GetAsync(u), u => new[] { "v1", "Account", AuthId, "Powerpack", u }),
        };

        await FuzzAsync(new Parameter(
            "Powerpack uuid", "powerpackUuid", Stream: 3, Generator.Uuid, calls, ClassifyUuid, CanonicalUuid));
    }

    /// <summary>A minimal repro of what the uuid fuzzing finds: Guid.TryParseExact(..., "D") takes a sign or a hex prefix inside a group.</summary>
    [TestCase("659c7f88-c819-46e2-+af4-2d8a84249099")]
    [TestCase("+59c7f88-c819-46e2-8af4-2d8a84249099")]
    [TestCase("0x9c7f88-c819-46e2-8af4-2d8a84249099")]
    [TestCase("659c7f88-c819-46e2-8af4-0X8a84249099")]
    public void A_uuid_with_a_sign_or_hex_prefix_inside_a_group_is_refused(string uuid)
    {
        var poolError = Assert.Catch<ArgumentException>(() => _api.NumberPool(uuid), "NumberPool accepted a uuid that is not 8-4-4-4-12 hex");
        var powerpackError = Assert.CatchAsync<ArgumentException>(() => _api.Powerpacks.GetAsync(uuid), "Powerpacks.GetAsync accepted a uuid that is not 8-4-4-4-12 hex");

        Assert.Multiple(() =>
        {
            Assert.That(poolError?.ParamName, Is.EqualTo("numberPoolUuid"));
            Assert.That(powerpackError?.ParamName, Is.EqualTo("powerpackUuid"));
            Assert.That(Server.LogEntries, Is.Empty, "no request may leave");
        });
    }

    // A uuid in exactly 8-4-4-4-12 hex must be accepted, and anything else refused. One padded with whitespace is
    // tolerated (Guid.TryParseExact trims it and the path carries the same uuid) but counted; nothing looser is: .NET's
    // parser also takes "+" and "0x" inside a group ("+68b" becomes 068b), which is not the documented 8-4-4-4-12 hex.
    private static Validity ClassifyUuid(string? value) =>
        value is null ? Validity.Invalid
        : StrictUuid.IsMatch(value) ? Validity.Valid
        : StrictUuid.IsMatch(value.Trim()) ? Validity.PaddedWithWhitespace
        : Validity.Invalid;

    // What the client must put in the path for an accepted uuid: the parsed Guid's "D" form (lower-case hex). For a
    // strictly valid value that is the value in lower case.
    private static string CanonicalUuid(string value) => Guid.TryParseExact(value, "D", out var uuid) ? uuid.ToString("D") : value;

    private async Task FuzzAsync(Parameter parameter)
    {
        var seed = Seed;
        var clock = Stopwatch.StartNew();
        // Failures grouped by kind, so that a rare kind is not hidden behind a frequent one: count and first examples.
        var failures = new SortedDictionary<string, (int Count, List<string> Examples)>(StringComparer.Ordinal);
        var failureCount = 0;
        var accepted = 0;
        var rejected = 0;
        var acceptedPadded = 0;
        var byCategory = new Dictionary<string, (int Accepted, int Rejected)>();

        void Fail(string kind, int index, string? value, string what)
        {
            failureCount++;
            var (count, examples) = failures.TryGetValue(kind, out var seen) ? seen : (0, new List<string>());
            if (examples.Count < ExamplesPerFailureKind)
            {
                examples.Add($"case {index} {Show(value)}: {what}");
            }

            failures[kind] = (count + 1, examples);
        }

        for (var batchStart = 0; batchStart < CasesPerParameter; batchStart += BatchSize)
        {
            // Fresh log per batch keeps memory flat; calls are sequential and WireMock logs a request before it
            // answers, so the entries a call added are exactly those past the count taken before it.
            Server.ResetLogEntries();
            var logged = 0;
            for (var index = batchStart; index < Math.Min(batchStart + BatchSize, CasesPerParameter); index++)
            {
                var random = Generator.ForCase(seed, parameter.Stream, index);
                var (category, value) = parameter.Generate(random);
                var call = parameter.Calls[index % parameter.Calls.Length];

                Exception? error = null;
                try
                {
                    await call.Invoke(value!);
                }
                catch (Exception e)
                {
                    error = e;
                }

                var log = Server.LogEntries;
                var sent = log.Skip(logged).ToArray();
                logged = log.Count;
                var validity = parameter.Classify(value);

                if (error is ArgumentException argumentError)
                {
                    rejected++;
                    byCategory[category] = (byCategory.GetValueOrDefault(category).Accepted, byCategory.GetValueOrDefault(category).Rejected + 1);
                    if (sent.Length != 0)
                    {
                        Fail("refused but sent", index, value, $"{call.Name} threw {argumentError.GetType().Name} but {sent.Length} request(s) reached the server: {string.Join(", ", sent.Select(e => e.RequestMessage!.Url))}");
                    }

                    if (argumentError.ParamName != parameter.ParamName)
                    {
                        Fail("wrong ParamName", index, value, $"{call.Name} threw {argumentError.GetType().Name} naming '{argumentError.ParamName}', expected '{parameter.ParamName}'");
                    }

                    if (validity == Validity.Valid)
                    {
                        Fail("valid value refused", index, value, $"{call.Name} refused a valid {parameter.Name}: {argumentError.Message}");
                    }

                    continue;
                }

                accepted++;
                byCategory[category] = (byCategory.GetValueOrDefault(category).Accepted + 1, byCategory.GetValueOrDefault(category).Rejected);
                if (error is not null)
                {
                    Fail("neither refused nor succeeded", index, value, $"{call.Name} neither refused the value nor succeeded: {error.GetType().Name}: {error.Message}");
                }

                if (validity == Validity.Invalid)
                {
                    Fail("invalid value accepted", index, value, $"{call.Name} accepted an invalid {parameter.Name}; sent {string.Join(", ", sent.Select(e => e.RequestMessage!.Url))}");
                }
                else if (validity == Validity.PaddedWithWhitespace)
                {
                    acceptedPadded++;
                }

                if (sent.Length != 1)
                {
                    Fail("not exactly one request", index, value, $"{call.Name} sent {sent.Length} requests, expected exactly 1: {string.Join(", ", sent.Select(e => e.RequestMessage!.Url))}");
                }
                else if (CheckRequest(sent[0], call, parameter.ExpectedSegment(value!)) is { } problem)
                {
                    Fail("wrong path", index, value, $"{call.Name}: {problem}");
                }
            }
        }

        clock.Stop();
        var summary =
            $"{parameter.Name}: seed {seed}, {CasesPerParameter} cases in {clock.Elapsed.TotalSeconds:0.0} s: {accepted} accepted" +
            (acceptedPadded > 0 ? $" ({acceptedPadded} of them padded with whitespace)" : string.Empty) + $", {rejected} refused; accepted/refused by category: " +
            string.Join(", ", byCategory.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value.Accepted}/{c.Value.Rejected}"));
        TestContext.Out.WriteLine(summary);

        Assert.Multiple(() =>
        {
            Assert.That(failureCount, Is.Zero, () =>
                $"seed {seed}: {failureCount} failing case(s) for the {parameter.Name} (rerun with FuzzSeed={seed}):\n" +
                string.Join("\n", failures.Select(f => $"  {f.Key} [{f.Value.Count}x]:\n    " + string.Join("\n    ", f.Value.Examples))) + "\n" + summary);
            Assert.That(accepted, Is.GreaterThanOrEqualTo(MinimumPerOutcome), $"seed {seed}: too few accepted values to mean anything. {summary}");
            Assert.That(rejected, Is.GreaterThanOrEqualTo(MinimumPerOutcome), $"seed {seed}: too few refused values to mean anything. {summary}");
        });
    }

    /// <summary>Null when the request is right; else what is wrong with it.</summary>
    private static string? CheckRequest(ILogEntry entry, Call call, string expectedValue)
    {
        var request = entry.RequestMessage!;
        if (request.Method != call.Method)
        {
            return $"method {request.Method}, expected {call.Method}";
        }

        // RequestMessage.Url (like AbsoluteUrl) keeps "%2F", "%25" and "%3F" escaped; Path and AbsolutePath are decoded,
        // where an escaped "/" inside a segment could not be told from a separator.
        var url = request.Url;
        var pathStart = url.IndexOf('/', url.IndexOf("://", StringComparison.Ordinal) + 3);
        var queryStart = url.IndexOf('?', pathStart);
        var rawPath = queryStart < 0 ? url.Substring(pathStart) : url.Substring(pathStart, queryStart - pathStart);
        var rawQuery = queryStart < 0 ? string.Empty : url.Substring(queryStart);

        var expected = call.Segments(expectedValue);
        var pieces = rawPath.Split('/');
        if (pieces.Length != expected.Length + 2 || pieces[0].Length != 0 || pieces[^1].Length != 0)
        {
            return $"path {rawPath} has {pieces.Length - 2} segments (or lacks the leading/trailing '/'), expected {expected.Length}: /{string.Join("/", expected)}/";
        }

        for (var i = 0; i < expected.Length; i++)
        {
            var decoded = Uri.UnescapeDataString(pieces[i + 1]);
            if (!string.Equals(decoded, expected[i], StringComparison.Ordinal))
            {
                return $"segment {i + 1} of {rawPath} decodes to {Show(decoded)}, expected {Show(expected[i])}";
            }
        }

        return string.Equals(rawQuery, call.Query, StringComparison.Ordinal) ? null : $"query '{rawQuery}', expected '{call.Query}'";
    }

    /// <summary>A value for a failure message: quoted, non-printable and non-ASCII characters as \uXXXX, long ones cut.</summary>
    private static string Show(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        const int max = 80;
        var shown = new StringBuilder("\"");
        foreach (var c in value.Length > max ? value.Substring(0, max) : value)
        {
            shown.Append(c is >= ' ' and <= '~' and not '"' and not '\\' ? c.ToString() : $"\\u{(int)c:X4}");
        }

        shown.Append('"');
        return value.Length > max ? $"{shown}... (length {value.Length})" : shown.ToString();
    }

    private enum Validity
    {
        Valid,
        PaddedWithWhitespace,
        Invalid,
    }

    private sealed record Call(string Name, string Method, Func<string, Task> Invoke, Func<string, string[]> Segments, string Query = "");

    private sealed record Parameter(
        string Name,
        string ParamName,
        int Stream,
        Func<Random, (string Category, string? Value)> Generate,
        Call[] Calls,
        Func<string?, Validity> Classify,
        Func<string, string> ExpectedSegment);

    /// <summary>The string generator: about 30 % valid values, 30 % near misses of them, 40 % hostile values.</summary>
    private static class Generator
    {
        private const string AsciiDigits = "0123456789";
        private const string HexDigits = "0123456789abcdefABCDEF";

        private static readonly string[] Hostile =
        {
            "/", "\\", "..", ".", "../", "/..", "./", "?", "#", "%2F", "%2f", "%5C", "%2E%2E", "%2e", "%", "%25", "%00", "%20", "%0A",
            "+", " ", "  ", "\t", "\n", "\r", "\r\n", "\0", "\u0001", "\u001B", "\u001F", "\u007F", "\u0085", "\u00A0", "\u2003",
            "\u2028", "\u200B", "\uFEFF", "\u202E", "&", "=", ";", ":", "@", "'", "\"", "<", ">", "{", "}", "|", "^", "`", "*", "~",
            "-", "_", "e", "x", "A", "f", "g", "G", "0x", "1e5", "-1",
            "\u0661", "\u0668", "\u06F5", "\u0967", "\uFF11", "\uFF19", "\u00B2", "\u2460", "\u0661\u0668\u0667\u0667", // other scripts' digits
            "\U0001F600", "\u260E", "\U0001F44D\U0001F3FD", "\U0001D7D9", // emoji, a math digit (all surrogate pairs but one)
            "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uD83D", // unpaired surrogate halves
        };

        private static readonly string[][] OtherDigitScripts =
        {
            Enumerable.Range(0x0660, 10).Select(c => ((char)c).ToString()).ToArray(), // Arabic-Indic
            Enumerable.Range(0x06F0, 10).Select(c => ((char)c).ToString()).ToArray(), // Extended Arabic-Indic
            Enumerable.Range(0x0966, 10).Select(c => ((char)c).ToString()).ToArray(), // Devanagari
            Enumerable.Range(0xFF10, 10).Select(c => ((char)c).ToString()).ToArray(), // full-width
            Enumerable.Range(0x1D7CE, 10).Select(char.ConvertFromUtf32).ToArray(),     // mathematical bold (surrogate pairs)
        };

        private static readonly string[] Padding = { " ", "\t", "\n", "\r\n", "\u00A0", "\u2003", "\u3000", "\u200B", "\0", "\uFEFF" };

        private static readonly int[] LongLengths = { 16, 17, 33, 37, 64, 255, 1_024, 4_096, 65_536 };

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

        public static (string Category, string? Value) TollfreeNumber(Random random) =>
            Pick(random, ValidNumber, AsciiDigits, NumberSpecific);

        public static (string Category, string? Value) Uuid(Random random) =>
            Pick(random, ValidUuid, HexDigits, UuidSpecific);

        private static (string Category, string? Value) Pick(Random random, Func<Random, string> valid, string alphabet, Func<Random, string, string> specific)
        {
            var roll = random.Next(100);
            if (roll < 30)
            {
                return ("valid", valid(random));
            }

            if (roll < 60)
            {
                return ("near-miss", NearMiss(random, valid(random), alphabet));
            }

            return ("hostile", HostileValue(random, valid(random), alphabet, specific));
        }

        private static string ValidNumber(Random random)
        {
            var length = random.Next(2, 16);
            var number = new StringBuilder(length).Append((char)('1' + random.Next(9)));
            while (number.Length < length)
            {
                number.Append((char)('0' + random.Next(10)));
            }

            return number.ToString();
        }

        private static string ValidUuid(Random random)
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            var uuid = new Guid(bytes).ToString("D");
            return random.Next(5) switch
            {
                0 or 1 => uuid,
                2 or 3 => uuid.ToUpperInvariant(),
                _ => new string(uuid.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : c).ToArray()),
            };
        }

        /// <summary>One character changed, inserted or deleted; half the time the character comes from the valid alphabet.</summary>
        private static string NearMiss(Random random, string valid, string alphabet)
        {
            var replacement = random.Next(2) == 0 ? alphabet[random.Next(alphabet.Length)].ToString() : Hostile[random.Next(Hostile.Length)];
            var at = random.Next(valid.Length);
            return random.Next(3) switch
            {
                0 => valid.Substring(0, at) + replacement + valid.Substring(at + 1),
                1 => valid.Insert(random.Next(valid.Length + 1), replacement),
                _ => valid.Remove(at, 1),
            };
        }

        private static string? HostileValue(Random random, string valid, string alphabet, Func<Random, string, string> specific)
        {
            string Token() => Hostile[random.Next(Hostile.Length)];
            switch (random.Next(11))
            {
                case 0:
                    return Token();
                case 1:
                    return valid.Insert(random.Next(valid.Length + 1), Token());
                case 2:
                    var at = random.Next(valid.Length);
                    return valid.Substring(0, at) + Token() + valid.Substring(at + 1);
                case 3:
                    return random.Next(2) == 0 ? Token() + valid : valid + Token();
                case 4:
                    var mixed = new StringBuilder();
                    for (var i = random.Next(1, 13); i > 0; i--)
                    {
                        mixed.Append(random.Next(2) == 0 ? Token() : alphabet[random.Next(alphabet.Length)].ToString());
                    }

                    return mixed.ToString();
                case 5:
                    // The same value in another script's digits, wholly or in part.
                    var script = OtherDigitScripts[random.Next(OtherDigitScripts.Length)];
                    var all = random.Next(2) == 0;
                    return string.Concat(valid.Select(c => c is >= '0' and <= '9' && (all || random.Next(3) == 0) ? script[c - '0'] : c.ToString()));
                case 6:
                    var length = LongLengths[random.Next(LongLengths.Length)];
                    var longValue = new StringBuilder(length + 16);
                    while (longValue.Length < length)
                    {
                        longValue.Append(random.Next(4) == 0 ? Token() : valid);
                    }

                    return longValue.ToString(0, length);
                case 7:
                    return random.Next(8) switch
                    {
                        0 => null,
                        1 or 2 => string.Empty,
                        _ => string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => Padding[random.Next(Padding.Length)])),
                    };
                case 8:
                    // Path tricks around an otherwise valid value.
                    return random.Next(8) switch
                    {
                        0 => "../" + valid,
                        1 => valid + "/..",
                        2 => valid + "/../" + valid,
                        3 => "..%2F" + valid,
                        4 => "%2e%2e/" + valid,
                        5 => valid + "/",
                        6 => "/" + valid,
                        _ => valid + "?x=1#y",
                    };
                case 9:
                    var pad = Padding[random.Next(Padding.Length)];
                    return random.Next(3) switch
                    {
                        0 => pad + valid,
                        1 => valid + pad,
                        _ => pad + valid + pad,
                    };
                default:
                    return specific(random, valid);
            }
        }

        private static string NumberSpecific(Random random, string valid) => random.Next(8) switch
        {
            0 => "+" + valid,
            1 => "0" + valid,
            2 => string.Join(" ", Chunks(valid, 3)),
            3 => string.Join("-", Chunks(valid, 3)),
            4 => "(" + valid.Insert(Math.Min(3, valid.Length), ")"),
            5 => "tel:" + valid,
            6 => valid + ".0",
            _ => "-" + valid,
        };

        private static string UuidSpecific(Random random, string valid)
        {
            var guid = Guid.ParseExact(valid, "D");
            // Group starts (0, 9, 14, 19, 24), where .NET's parser tolerates a sign or a hex prefix.
            var group = new[] { 0, 9, 14, 19, 24 }[random.Next(5)];
            return random.Next(10) switch
            {
                8 => valid.Remove(group, 1).Insert(group, "+"),
                9 => valid.Remove(group, 2).Insert(group, random.Next(2) == 0 ? "0x" : "0X"),
                0 => guid.ToString("N"),
                1 => guid.ToString("B"),
                2 => guid.ToString("P"),
                3 => guid.ToString("X"),
                4 => valid.Replace("-", string.Empty, StringComparison.Ordinal).Insert(8, "-"),
                5 => valid.Substring(0, valid.Length - 1),
                6 => valid + valid.Substring(valid.Length - 1),
                _ => valid.Replace('-', random.Next(2) == 0 ? '_' : ' '),
            };
        }

        private static IEnumerable<string> Chunks(string value, int size)
        {
            for (var i = 0; i < value.Length; i += size)
            {
                yield return value.Substring(i, Math.Min(size, value.Length - i));
            }
        }
    }
}
