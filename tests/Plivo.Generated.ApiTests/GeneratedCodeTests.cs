using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NUnit.Framework;
using Plivo.Generated.ApiTests.Support;

namespace Plivo.Generated.ApiTests;

/// <summary>
/// The generated code depends on one hand-written transport type, <c>PlivoPipeline</c> (nswag.json's
/// <c>httpClientType</c>, and its JSON settings method), plus the exception NSwag is told to throw
/// (<c>exceptionClass</c>, <c>PlivoRestException</c>): no other hand-written name, so the layers do not loop.
/// </summary>
[TestFixture]
public sealed class GeneratedCodeTests
{
    private static readonly string[] Allowed = ["Plivo.Generated.PlivoPipeline", "Plivo.Generated.PlivoRestException", "Plivo.Generated.PlivoRestException`1"];

    public static IEnumerable<TestCaseData> ClientAssemblies() =>
        BuildInfo.Assemblies.Where(a => a.Package == "Plivo.Generated")
            .Select(a => new TestCaseData(a).SetArgDisplayNames(a.TargetFramework));

    [TestCaseSource(nameof(ClientAssemblies))]
    public void The_generated_code_uses_no_hand_written_type_but_the_pipeline_and_the_exception(PackageAssembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        using var module = ModuleDefinition.ReadModule(assembly.Path);
        var generated = module.Types.SelectMany(Nested).Where(IsGenerated).ToList();
        var handWritten = module.Types.SelectMany(Nested).Where(t => !IsGenerated(t) && !t.Name.StartsWith('<')).Select(t => t.FullName).ToHashSet(StringComparer.Ordinal);

        var used = generated.SelectMany(ReferencedTypes).Select(t => t.GetElementType().FullName).Where(handWritten.Contains).Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.That(generated, Is.Not.Empty);
        Assert.That(used, Is.SubsetOf(Allowed), "hand-written types the generated code refers to");
        Assert.That(used, Does.Contain("Plivo.Generated.PlivoPipeline"));
    }

    private static bool IsGenerated(TypeDefinition type) =>
        type.CustomAttributes.Any(a => a.AttributeType.FullName == "System.CodeDom.Compiler.GeneratedCodeAttribute"
            && a.ConstructorArguments.FirstOrDefault().Value is "NSwag" or "NJsonSchema")
        || (type.DeclaringType is { } outer && IsGenerated(outer));

    private static IEnumerable<TypeDefinition> Nested(TypeDefinition type) => new[] { type }.Concat(type.NestedTypes.SelectMany(Nested));

    // Every type a generated type's fields, signatures and method bodies name.
    private static IEnumerable<TypeReference> ReferencedTypes(TypeDefinition type)
    {
        foreach (var field in type.Fields)
        {
            yield return field.FieldType;
        }

        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (var method in type.Methods)
        {
            yield return method.ReturnType;
            foreach (var parameter in method.Parameters)
            {
                yield return parameter.ParameterType;
            }

            if (!method.HasBody)
            {
                continue;
            }

            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference referenced:
                        yield return referenced;
                        break;
                    case MethodReference called:
                        yield return called.DeclaringType;
                        break;
                    case FieldReference field:
                        yield return field.DeclaringType;
                        break;
                }
            }
        }
    }
}
