namespace BuildChecks;

/// <summary>
/// A program outside the copy (so it is not an edited file) that uses what the recipes added, against the copy's own
/// projects: <c>TollfreeNumber.Alias</c> (it compiles only if the client has the field) in a sandbox answer, and
/// <c>IAccountNumberClient.GetAsync</c> through <c>PlivoApi.GetClient</c> and through <c>AddPlivo</c>.
/// </summary>
internal static class Probe
{
    public static Shell.Result Run(string copy, string folder, string configuration)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "Probe.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{copy}/src/Plivo.Generated.Testing/Plivo.Generated.Testing.csproj" />
                <ProjectReference Include="{copy}/src/Plivo.Generated.DependencyInjection/Plivo.Generated.DependencyInjection.csproj" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), $$"""
            using Microsoft.Extensions.DependencyInjection;
            using Plivo.Generated;
            using Plivo.Generated.Testing;

            using var sandbox = PlivoSandbox.Start();
            var seeded = sandbox.AddPowerpack("recipes");
            using var api = sandbox.CreateApi();

            var added = await api.NumberPool(seeded.NumberPoolUuid).Tollfree.AddAsync("18772209942");
            Check(added.Alias == "{{Recipes.FieldExample}}", $"the sandbox's add answer carries the new field: alias '{added.Alias}'");

            var number = await api.GetClient<IAccountNumberClient>().GetAsync("18772209942");
            Check(number.Number == "18772209942" && number.NumberType is not null, $"the new operation through api.GetClient: number {number.Number}, type {number.NumberType}");
            Check(sandbox.Requests[^1].OperationId == "{{Recipes.OperationId}}", $"the sandbox served it as {sandbox.Requests[^1].OperationId}");

            var services = new ServiceCollection();
            services.AddPlivo(o => { o.BaseUrl = sandbox.BaseUrl; o.AuthId = sandbox.AuthId; o.AuthToken = sandbox.AuthToken; });
            await using var provider = services.BuildServiceProvider();
            var injected = await provider.GetRequiredService<IAccountNumberClient>().GetAsync("18772209942");
            Check(injected.Number == "18772209942", "the new operation through AddPlivo");

            static void Check(bool condition, string what)
            {
                Console.WriteLine((condition ? "probe: " : "probe FAILED: ") + what);
                if (!condition) Environment.Exit(1);
            }
            """);
        return Shell.Dotnet(folder, $"run --configuration {configuration}");
    }
}
