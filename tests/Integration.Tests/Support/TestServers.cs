namespace MediaVault.Integration.Tests.Support;

/// <summary>
/// Where the real servers started by scripts/test.sh listen. The tests never mock them: without them they fail with a
/// message saying how to run them.
/// </summary>
public static class TestServers
{
    public static string PostgresAdmin => Require("MEDIAVAULT_TEST_POSTGRES");

    public static Uri S3Url => new(Require("MEDIAVAULT_TEST_S3_URL"));

    public static string S3Bucket => Require("MEDIAVAULT_TEST_S3_BUCKET");

    public static string S3AccessKey => Require("MEDIAVAULT_TEST_S3_ACCESS_KEY");

    public static string S3SecretKey => Require("MEDIAVAULT_TEST_S3_SECRET_KEY");

    public static string SmtpHost => Require("MEDIAVAULT_TEST_SMTP_HOST");

    public static int SmtpPort => int.Parse(Require("MEDIAVAULT_TEST_SMTP_PORT"), System.Globalization.CultureInfo.InvariantCulture);

    public static Uri MaildevUrl => new(Require("MEDIAVAULT_TEST_MAILDEV_URL"));

    private static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set. Integration tests run against real PostgreSQL, S3 and SMTP servers: run ./scripts/test.sh, which starts them.");
}
