using System.Reflection;
using System.Xml.Linq;
using MediaVault.Application.Abstractions;
using MediaVault.Domain.Common;
using MediaVault.Infrastructure.Persistence;
using NetArchTest.Rules;

namespace MediaVault.Integration.Tests.Architecture;

/// <summary>Dependencies point inwards only: WebApi → Infrastructure → Application → Domain, and Domain needs nothing.</summary>
public sealed class DependencyRuleTests
{
    private static readonly Assembly Domain = typeof(IAggregateRoot).Assembly;
    private static readonly Assembly Application = typeof(IObjectStorage).Assembly;
    private static readonly Assembly Infrastructure = typeof(MediaVaultDbContext).Assembly;
    private static readonly Assembly WebApi = typeof(Program).Assembly;

    [Test]
    public void Domain_ReferencesNoOtherAssemblyThanTheRuntime()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        references.Where(name => !name.StartsWith("System", StringComparison.Ordinal) && name != "netstandard")
            .ShouldBeEmpty();
    }

    [Test]
    public void Domain_ProjectHasNoPackageOrProjectReferences()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Domain", "Domain.csproj"));
        project.Descendants().Where(e => e.Name.LocalName is "PackageReference" or "ProjectReference" or "FrameworkReference")
            .Select(e => e.ToString())
            .ShouldBeEmpty();
    }

    [Test]
    public void Domain_DependsOnNoOuterLayer() =>
        AssertNoDependency(Domain, "MediaVault.Application", "MediaVault.Infrastructure", "MediaVault.WebApi", "Microsoft", "Ardalis");

    [Test]
    public void Application_DependsOnDomainOnly() =>
        AssertNoDependency(Application, "MediaVault.Infrastructure", "MediaVault.WebApi", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Amazon", "MailKit", "Npgsql");

    [Test]
    public void Infrastructure_DoesNotDependOnWebApi() => AssertNoDependency(Infrastructure, "MediaVault.WebApi");

    [Test]
    public void Domain_EntitiesExposeNoPublicSetters()
    {
        var offenders = Domain.GetTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(p => p.SetMethod is { IsPublic: true } && !IsRecordInit(p))
                .Select(p => $"{t.Name}.{p.Name}"))
            .ToList();
        offenders.ShouldBeEmpty();
    }

    [Test]
    public void Domain_AggregatesAreSealed()
    {
        var unsealed = Domain.GetTypes()
            .Where(t => typeof(IAggregateRoot).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false, IsSealed: false })
            .Select(t => t.Name)
            .ToList();
        unsealed.ShouldBeEmpty();
    }

    private static bool IsRecordInit(PropertyInfo property) =>
        property.SetMethod!.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit");

    private static void AssertNoDependency(Assembly assembly, params string[] forbidden)
    {
        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        (result.FailingTypeNames ?? []).ShouldBeEmpty();
        result.IsSuccessful.ShouldBeTrue();
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MediaVault.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("MediaVault.sln not found above the test directory.");
    }
}
