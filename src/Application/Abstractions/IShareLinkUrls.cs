namespace MediaVault.Application.Abstractions;

/// <summary>Where a public link's holder goes: an absolute URL under <c>App__PublicBaseUrl</c>.</summary>
public interface IShareLinkUrls
{
    Uri ForToken(string token);
}
