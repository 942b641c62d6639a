using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using NUnit.Framework;
using Plivo.Generated.ApiTests.Support;

namespace Plivo.Generated.ApiTests;

/// <summary>
/// Every NSwag template override in spec/templates is a small, declared delta against the same template inside the
/// pinned NSwag.MSBuild package: its header says "Delta: +A -R lines", and the lines it adds and removes (outside that
/// header) must be exactly that. An NSwag upgrade that changes a template, or an edit that grows an override, fails here
/// and prints the lines to re-apply. NSwag's client templates (Client.*.liquid) are never overridden.
/// </summary>
[TestFixture]
public sealed class TemplateOverrideTests
{
    private const int MaxOverrideLines = 250;
    private static readonly string[] TemplateAssemblies = ["NJsonSchema.CodeGeneration.CSharp.dll", "NSwag.CodeGeneration.CSharp.dll"];
    private static readonly Regex Declared = new(@"Delta: \+(?<added>\d+) -(?<removed>\d+) lines");

    private static string TemplateDirectory => Path.Combine(BuildInfo.RepoRoot, "spec", "templates");

    public static IEnumerable<TestCaseData> Overrides() =>
        Directory.EnumerateFiles(TemplateDirectory, "*.liquid").Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(Path.GetFileName(f)).SetArgDisplayNames(Path.GetFileName(f)));

    [TestCaseSource(nameof(Overrides))]
    public void An_override_changes_exactly_what_its_header_declares(string name)
    {
        var text = File.ReadAllText(Path.Combine(TemplateDirectory, name));
        var (added, removed) = DeclaredDelta(text, name);
        var stock = StockTemplate(name);

        var (actualAdded, actualRemoved) = LineDelta.Between(Lines(stock), Lines(WithoutHeader(text)));

        Assert.That((actualAdded.Count, actualRemoved.Count), Is.EqualTo((added, removed)),
            $"{name} declares +{added} -{removed} lines against the pinned package's own copy ({BuildInfo.NSwagTools}), but changes:\n" +
            string.Join("\n", actualRemoved.Select(l => "- " + l).Concat(actualAdded.Select(l => "+ " + l))));
    }

    [Test]
    public void No_client_template_is_overridden_and_the_overrides_stay_small()
    {
        var files = Directory.EnumerateFiles(TemplateDirectory, "*.liquid").ToList();

        Assert.That(files.Select(Path.GetFileName), Has.None.StartsWith("Client."), "NSwag's client templates are used as NSwag ships them");
        Assert.That(files.Sum(f => File.ReadAllLines(f).Length), Is.AtMost(MaxOverrideLines));
    }

    [Test]
    public void NegativeControl_A_grown_override_is_caught()
    {
        var stock = StockTemplate("DateFormatConverter.liquid");
        var grown = stock.Replace("DateTimeFormat = \"yyyy-MM-dd\";", "DateTimeFormat = \"yyyy-MM-dd\";\n        Culture = null;", StringComparison.Ordinal);

        var (added, removed) = LineDelta.Between(Lines(stock), Lines(grown));

        Assert.That(added, Is.EqualTo(new[] { "        Culture = null;" }));
        Assert.That(removed, Is.Empty);
    }

    private static (int Added, int Removed) DeclaredDelta(string text, string name)
    {
        var match = Declared.Match(text);
        Assert.That(match.Success, Is.True, $"{name} has no header line 'Delta: +A -R lines'");
        return (int.Parse(match.Groups["added"].Value, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(match.Groups["removed"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    // The override's own header comment is not part of the delta.
    private static string WithoutHeader(string text)
    {
        const string end = "{%- endcomment -%}";
        Assert.That(text.TrimStart('\uFEFF'), Does.StartWith("{%- comment -%}"), "an override starts with its header comment");
        return text.Substring(text.IndexOf(end, StringComparison.Ordinal) + end.Length).TrimStart('\r', '\n');
    }

    private static string[] Lines(string text) =>
        text.Replace("\uFEFF", string.Empty, StringComparison.Ordinal).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');

    /// <summary>The template of that name as the pinned package ships it (an embedded resource of its code generators).</summary>
    private static string StockTemplate(string name)
    {
        foreach (var dll in TemplateAssemblies)
        {
            var context = new AssemblyLoadContext("Templates:" + dll, isCollectible: true);
            try
            {
                var assembly = context.LoadFromAssemblyPath(Path.Combine(BuildInfo.NSwagTools, dll));
                var resource = assembly.GetManifestResourceNames().SingleOrDefault(r => r.EndsWith(".Templates." + name, StringComparison.Ordinal));
                if (resource is not null)
                {
                    using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
                    return reader.ReadToEnd();
                }
            }
            finally
            {
                context.Unload();
            }
        }

        Assert.Fail($"No template {name} in {BuildInfo.NSwagTools} ({string.Join(", ", TemplateAssemblies)}): it overrides nothing.");
        return string.Empty;
    }
}
