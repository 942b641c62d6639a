using System;
using System.IO;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Plivo.Generated.Tests.Support;

/// <summary>
/// The contract as the tests see it: spec/plivo-numberpool.yaml, copied to the test output by the test project, read
/// with Microsoft.OpenApi (a parser independent of NSwag, which generates the client from the same file).
/// </summary>
internal static class SpecFile
{
    /// <summary>The full path of the copied spec. AppContext.BaseDirectory works at discovery time too (test case sources).</summary>
    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "spec", "plivo-numberpool.yaml");

    public static string ReadText() => File.ReadAllText(Path);

    /// <summary>Parses YAML text with Microsoft.OpenApi and its default validation rules; the result carries the diagnostic.</summary>
    public static ReadResult Parse(string yaml)
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        return OpenApiDocument.Parse(yaml, OpenApiConstants.Yaml, settings);
    }
}
