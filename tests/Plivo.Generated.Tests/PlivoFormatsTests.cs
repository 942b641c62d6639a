using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using NSwag;
using NUnit.Framework;
using Plivo.Generated.Tests.Support;

namespace Plivo.Generated.Tests;

/// <summary>
/// The shape rules are written once (<see cref="PlivoFormats"/>), used by the client's argument checks and the sandbox,
/// and agree with the spec's <c>pattern</c>, <c>format</c>, <c>minimum</c> and <c>maximum</c>.
/// </summary>
[TestFixture]
public sealed class PlivoFormatsTests
{
    private OpenApiDocument _spec = null!;

    [OneTimeSetUp]
    public void LoadSpec() => _spec = OpenApiYamlDocument.FromYamlAsync(SpecFile.ReadText()).GetAwaiter().GetResult();

    private static IEnumerable<string> Candidates()
    {
        var random = new Random(20261201);
        var fixedCases = new[] { "", "1", "18", "18772209942", "018772209942", "123456789012345", "1234567890123456", "1877220994a", "+18772209942",
            "1877 2209942", "١٨٧٧", "１８７７", "18772209942\n", "\n18772209942", "18/772", "..", "18772209942 " };
        foreach (var c in fixedCases)
        {
            yield return c;
        }

        const string alphabet = "0123456789012345678901234567890123456789+-a /";
        for (var i = 0; i < 5000; i++)
        {
            var length = random.Next(0, 18);
            yield return new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
        }
    }

    [Test]
    public void The_rules_agree_with_the_pattern_of_every_patterned_path_parameter()
    {
        var patterns = _spec.Components.Parameters.Values.Concat(_spec.Paths.Values.SelectMany(p => p.Parameters))
            .Where(p => p.Kind == OpenApiParameterKind.Path && p.ActualSchema.Pattern is not null)
            .Select(p => (p.Name, Pattern: p.ActualSchema.Pattern!))
            .Distinct()
            .ToList();
        Assert.That(patterns, Is.Not.Empty, "the spec gives number parameters a pattern");

        foreach (var (name, pattern) in patterns)
        {
            // The rule each patterned path parameter is checked with; a new one needs its rule here.
            Func<string, bool> rule = name switch
            {
                "toll_free_number" or "number" => PlivoFormats.IsPhoneNumber,
                "shortcode" => PlivoFormats.IsShortcode,
                _ => throw new AssertionException($"no PlivoFormats rule for the path parameter {name} ({pattern})"),
            };

            // JSON Schema patterns are ECMA-262: '$' is the end of the text, not "before a final newline".
            var regex = new Regex(pattern.Replace("$", @"\z", StringComparison.Ordinal), RegexOptions.CultureInvariant);
            var disagreements = Candidates().Where(c => rule(c) != regex.IsMatch(c)).Take(5).ToList();
            Assert.That(disagreements, Is.Empty, $"{name}: {pattern}");
        }
    }

    [Test]
    public void IsCountryIso2_agrees_with_the_pattern_of_every_country_parameter()
    {
        var patterns = _spec.Paths.Values.SelectMany(p => p.Values).SelectMany(o => o.ActualParameters)
            .Where(p => p.Name.StartsWith("country_iso", StringComparison.Ordinal)).Select(p => p.ActualSchema.Pattern).Distinct().ToList();
        Assert.That(patterns, Is.Not.Empty);

        var candidates = new[] { "US", "CA", "us", "U", "USA", "U1", "ÜS", "" };
        foreach (var pattern in patterns)
        {
            var regex = new Regex(pattern!.Replace("$", @"\z", StringComparison.Ordinal));
            Assert.That(candidates.Where(c => PlivoFormats.IsCountryIso2(c) != regex.IsMatch(c)), Is.Empty, pattern);
        }
    }

    [Test]
    public void IsUuid_agrees_with_the_uuid_format_of_every_uuid_parameter()
    {
        var uuids = _spec.Components.Parameters.Values.Where(p => p.ActualSchema.Format == "uuid").Select(p => p.Name).ToList();
        Assert.That(uuids, Is.Not.Empty);

        var format = new Regex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\z");
        var candidates = new[] { "659c7f88-c819-46e2-8af4-2d8a84249099", "659C7F88-C819-46E2-8AF4-2D8A84249099", "659c7f88c81946e28af42d8a84249099",
            "{659c7f88-c819-46e2-8af4-2d8a84249099}", "659c7f88-c819-46e2-8af4-2d8a8424909", "659c7f88-c819-46e2-8af4-2d8a84249099 ",
            "659c7f88-+819-46e2-8af4-2d8a84249099", "0x9c7f88-c819-46e2-8af4-2d8a84249099", "g59c7f88-c819-46e2-8af4-2d8a84249099", "" };

        Assert.That(candidates.Where(c => PlivoFormats.IsUuid(c) != format.IsMatch(c)), Is.Empty);
    }

    [Test]
    public void The_paging_bounds_are_the_specs_minimum_and_maximum()
    {
        var limits = QueryParameters("limit").ToList();
        var offsets = QueryParameters("offset").ToList();
        Assert.That(limits, Is.Not.Empty);
        Assert.That(offsets, Is.Not.Empty);

        Assert.Multiple(() =>
        {
            Assert.That(limits.Select(p => (p.ActualSchema.Minimum, p.ActualSchema.Maximum)), Is.All.EqualTo(((decimal?)PlivoFormats.MinPageSize, (decimal?)PlivoFormats.MaxPageSize)));
            Assert.That(offsets.Select(p => p.ActualSchema.Minimum), Is.All.EqualTo((decimal?)PlivoFormats.MinOffset));
            Assert.That(PlivoFormats.IsPageSize(PlivoFormats.MinPageSize - 1) || PlivoFormats.IsPageSize(PlivoFormats.MaxPageSize + 1), Is.False);
            Assert.That(PlivoFormats.IsOffset(PlivoFormats.MinOffset - 1), Is.False);
        });
    }

    private IEnumerable<OpenApiParameter> QueryParameters(string name) =>
        _spec.Paths.Values.SelectMany(p => p.Values).SelectMany(o => o.ActualParameters)
            .Where(p => p.Kind == OpenApiParameterKind.Query && p.Name == name);
}
