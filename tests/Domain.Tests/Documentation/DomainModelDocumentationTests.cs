using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace MediaVault.Domain.Tests.Documentation;

/// <summary>
/// Keeps <c>docs/domain-model.md</c> honest: every test a business rule names must exist, and every test of a rule
/// fixture must be named by some rule. Fixtures in the <c>ValueObjects</c> folder (pure parsing of input text into
/// values) and this fixture itself are exempt from being named; they may still be named.
/// </summary>
public sealed partial class DomainModelDocumentationTests
{
    private const string DocumentPath = "docs/domain-model.md";
    private const string RulesHeading = "## Business rules";
    private static readonly string ExemptNamespace = typeof(ValueObjects.ContentTypeTests).Namespace!;

    [Test]
    public void Rules_WhenTheyNameTests_NameOnlyTestsThatExist()
    {
        var existing = AllTests().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

        var unknown = ReadRules()
            .SelectMany(rule => rule.Tests.Select(test => (rule.Label, Test: test)))
            .Where(reference => !existing.Contains(reference.Test))
            .Select(reference => $"{reference.Label}: {reference.Test}")
            .ToList();

        unknown.ShouldBeEmpty(
            $"{DocumentPath} names tests that do not exist in {typeof(DomainModelDocumentationTests).Assembly.GetName().Name}:"
            + Environment.NewLine + string.Join(Environment.NewLine, unknown));
    }

    [Test]
    public void Rules_ForEveryTestOfARuleFixture_NameIt()
    {
        var named = ReadRules().SelectMany(rule => rule.Tests).ToHashSet(StringComparer.Ordinal);

        var unnamed = AllTests()
            .Where(test => test.Fixture != typeof(DomainModelDocumentationTests) && test.Fixture.Namespace != ExemptNamespace)
            .Select(test => test.Name)
            .Where(name => !named.Contains(name))
            .Order(StringComparer.Ordinal)
            .ToList();

        unnamed.ShouldBeEmpty(
            $"these tests prove a rule but no numbered rule in {DocumentPath} names them (add them to the rule they prove):"
            + Environment.NewLine + string.Join(Environment.NewLine, unnamed));
    }

    [Test]
    public void Rules_ForEveryNumberedRule_NameAtLeastOneTestAndNumberInSequence()
    {
        var rules = ReadRules();

        var withoutTests = rules.Where(rule => rule.Tests.Count == 0).Select(rule => rule.Label).ToList();
        var numbers = rules.Select(rule => rule.Number).ToList();

        rules.ShouldNotBeEmpty($"no rules like '- **R1.** ...' found under '{RulesHeading}' in {DocumentPath}");
        withoutTests.ShouldBeEmpty(
            "these rules name no test as `FixtureTests.TestName`:" + Environment.NewLine + string.Join(Environment.NewLine, withoutTests));
        numbers.ShouldBe(Enumerable.Range(1, numbers.Count), "rules are numbered R1, R2, ... without gaps or repeats");
    }

    [Test]
    public void Fixtures_InThisAssembly_HaveUniqueNamesSoTheDocumentCanNameThemUnambiguously()
    {
        var duplicates = AllTests()
            .Select(test => test.Fixture)
            .Distinct()
            .GroupBy(fixture => fixture.Name, StringComparer.Ordinal)
            .Where(group => group.Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(f => f.FullName))}")
            .ToList();

        duplicates.ShouldBeEmpty(string.Join(Environment.NewLine, duplicates));
    }

    private static List<(Type Fixture, string Name)> AllTests() =>
        typeof(DomainModelDocumentationTests).Assembly
            .GetTypes()
            .Where(type => type.IsClass)
            .SelectMany(type => type
                .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(IsTest)
                .Select(method => (Fixture: type, Name: $"{type.Name}.{method.Name}")))
            .Distinct()
            .ToList();

    private static bool IsTest(MethodInfo method) =>
        method.IsDefined(typeof(TestAttribute))
        || method.IsDefined(typeof(TestCaseAttribute))
        || method.IsDefined(typeof(TestCaseSourceAttribute))
        || method.IsDefined(typeof(TheoryAttribute));

    private static List<Rule> ReadRules()
    {
        var lines = File.ReadAllLines(Path.Combine(FindRepositoryRoot(), DocumentPath));
        var start = Array.FindIndex(lines, line => line.TrimEnd() == RulesHeading);
        start.ShouldBeGreaterThanOrEqualTo(0, $"{DocumentPath} has no '{RulesHeading}' section");

        var rules = new List<Rule>();
        Rule? current = null;
        foreach (var line in lines.Skip(start + 1))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                break;
            }

            var ruleStart = RuleStart().Match(line);
            if (ruleStart.Success)
            {
                current = new Rule(int.Parse(ruleStart.Groups["number"].Value, CultureInfo.InvariantCulture));
                rules.Add(current);
            }
            else if (line.StartsWith('#'))
            {
                current = null;
            }

            if (current is not null)
            {
                current.Tests.AddRange(TestReference().Matches(line).Select(m => m.Groups["name"].Value));
            }
        }

        return rules;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MediaVault.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"MediaVault.sln not found above {TestContext.CurrentContext.TestDirectory}.");
    }

    // "- **R12.** text", "R12. text" or "**R12.** text" at the start of a line.
    [GeneratedRegex(@"^\s*(?:[-*]\s+)?(?:\*\*)?R(?<number>\d+)\.")]
    private static partial Regex RuleStart();

    // `SomethingTests.Method_Name` in backticks.
    [GeneratedRegex(@"`(?<name>[A-Z][A-Za-z0-9]*Tests\.[A-Za-z_][A-Za-z0-9_]*)`")]
    private static partial Regex TestReference();

    private sealed record Rule(int Number)
    {
        public string Label => $"R{Number}";

        public List<string> Tests { get; } = [];
    }
}
