using System;
using System.CodeDom.Compiler;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace Plivo.Generated;

/// <summary>
/// The rule that makes every generated client reachable without a hand-written line per tag: a public class the
/// generator marked <c>[GeneratedCode("NSwag")]</c> whose constructor takes a <see cref="PlivoPipeline"/> is a client,
/// and so is its generated interface (<c>I&lt;Class&gt;</c>). <see cref="PlivoApi.GetClient{TClient}"/> and
/// <c>AddPlivo</c> both use it.
/// </summary>
internal static class GeneratedClients
{
    private static readonly Dictionary<Type, ConstructorInfo> Constructors = Discover();
    private static readonly Dictionary<Type, Type> Implementations = MapServiceTypes();

    /// <summary>The generated client classes, by name.</summary>
    public static readonly IReadOnlyList<Type> Types = Constructors.Keys.OrderBy(t => t.Name, StringComparer.Ordinal).ToArray();

    /// <summary>The client class behind <paramref name="requested"/> (the class itself, or its generated interface).</summary>
    /// <exception cref="ArgumentException"><paramref name="requested"/> is neither.</exception>
    public static Type Implementation(Type requested)
    {
        if (requested is null)
        {
            throw new ArgumentNullException(nameof(requested));
        }

        return Implementations.TryGetValue(requested, out var implementation)
            ? implementation
            : throw new ArgumentException(
                $"{requested.FullName} is not a generated Plivo client; these are: {string.Join(", ", Types.Select(t => t.Name))} (and their I-interfaces).",
                nameof(requested));
    }

    /// <summary>The generated interface of a client class (<c>I&lt;Class&gt;</c>), or null.</summary>
    public static Type? InterfaceOf(Type client) => client.GetInterfaces().FirstOrDefault(i => i.Name == "I" + client.Name);

    /// <summary>
    /// A new client over <paramref name="pipeline"/>, reading answers as text (NSwag's <c>ReadResponseAsString</c>), so that
    /// a 2xx answer it cannot parse keeps its body in <see cref="PlivoRestException.ResponseBody"/>.
    /// </summary>
    public static object Create(Type implementation, PlivoPipeline pipeline)
    {
        var client = Constructors[implementation].Invoke(new object[] { pipeline });
        implementation.GetProperty("ReadResponseAsString")?.SetValue(client, true);
        return client;
    }

    private static Dictionary<Type, ConstructorInfo> Discover()
    {
        var clients = new Dictionary<Type, ConstructorInfo>();
        foreach (var type in typeof(PlivoPipeline).Assembly.GetExportedTypes())
        {
            if (!type.IsClass || type.IsAbstract || type.GetCustomAttribute<GeneratedCodeAttribute>() is not { Tool: "NSwag" })
            {
                continue;
            }

            var constructor = type.GetConstructor(new[] { typeof(PlivoPipeline) });
            if (constructor is not null)
            {
                clients.Add(type, constructor);
            }
        }

        return clients;
    }

    private static Dictionary<Type, Type> MapServiceTypes()
    {
        var map = new Dictionary<Type, Type>();
        foreach (var client in Constructors.Keys)
        {
            map[client] = client;
            if (InterfaceOf(client) is { } contract)
            {
                map[contract] = client;
            }
        }

        return map;
    }
}
