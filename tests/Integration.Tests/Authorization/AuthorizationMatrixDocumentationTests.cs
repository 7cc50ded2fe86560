namespace MediaVault.Integration.Tests.Authorization;

/// <summary>
/// Keeps docs/authorization-matrix.md exactly what <see cref="AuthorizationMatrix"/> renders. To regenerate after changing
/// the data: <c>MEDIAVAULT_WRITE_DOCS=1 ./scripts/test.sh --filter FullyQualifiedName~AuthorizationMatrixDocumentationTests</c>.
/// </summary>
public sealed class AuthorizationMatrixDocumentationTests
{
    private const string WriteVariable = "MEDIAVAULT_WRITE_DOCS";

    [Test]
    public void Document_IsRenderedFromTheMatrixData()
    {
        var path = Path.Combine(FindRepositoryRoot(), AuthorizationMatrix.DocumentPath);
        var rendered = AuthorizationMatrix.RenderMarkdown();
        if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
        {
            File.WriteAllText(path, rendered);
        }

        var committed = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) : "(missing)";
        committed.ShouldBe(
            rendered,
            $"{AuthorizationMatrix.DocumentPath} differs from what AuthorizationMatrix.cs renders. Regenerate it with "
            + $"{WriteVariable}=1 ./scripts/test.sh --filter FullyQualifiedName~AuthorizationMatrixDocumentationTests and commit it.");
    }

    [Test]
    public void Matrix_NamesEveryActorForEveryRowAndEveryRowOnce()
    {
        AuthorizationMatrix.AllRows.Select(r => r.Label).ShouldBeUnique();
        foreach (var row in AuthorizationMatrix.AllRows)
        {
            row.Expected.Keys.ShouldBe(AuthorizationMatrix.Actors, ignoreOrder: true, $"{row.Label} must say what each caller gets");
        }
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
}
