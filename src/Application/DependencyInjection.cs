using MediaVault.Application.Abstractions;
using MediaVault.Application.Access;
using MediaVault.Application.Access.CheckAccess;
using MediaVault.Application.Access.ExplainAccess;
using MediaVault.Application.Activity.ListActivity;
using MediaVault.Application.Administration.ListUsers;
using MediaVault.Application.Administration.SetUserDisabled;
using MediaVault.Application.Assets.CompleteUpload;
using MediaVault.Application.Assets.DeleteAsset;
using MediaVault.Application.Assets.DownloadAsset;
using MediaVault.Application.Assets.FindDuplicates;
using MediaVault.Application.Assets.GetAsset;
using MediaVault.Application.Assets.GetRendition;
using MediaVault.Application.Assets.ListAssets;
using MediaVault.Application.Assets.ProcessMedia;
using MediaVault.Application.Assets.PurgeAbandonedUploads;
using MediaVault.Application.Assets.ReconcileStorage;
using MediaVault.Application.Assets.RegisterAsset;
using MediaVault.Application.Assets.UpdateAsset;
using MediaVault.Application.Collections.AddCollectionAssets;
using MediaVault.Application.Collections.ChangeCollectionGrant;
using MediaVault.Application.Collections.CreateCollection;
using MediaVault.Application.Collections.CreateCollectionGrant;
using MediaVault.Application.Collections.DeleteCollection;
using MediaVault.Application.Collections.GetCollection;
using MediaVault.Application.Collections.Links.CreateCollectionLink;
using MediaVault.Application.Collections.Links.DownloadLinkAsset;
using MediaVault.Application.Collections.Links.GetLinkAssetRendition;
using MediaVault.Application.Collections.Links.ListCollectionLinks;
using MediaVault.Application.Collections.Links.ListLinkAssets;
using MediaVault.Application.Collections.Links.RevokeCollectionLink;
using MediaVault.Application.Collections.ListCollectionActivity;
using MediaVault.Application.Collections.ListCollectionAssets;
using MediaVault.Application.Collections.ListCollectionGrants;
using MediaVault.Application.Collections.ListCollections;
using MediaVault.Application.Collections.RemoveCollectionAsset;
using MediaVault.Application.Collections.RevokeCollectionGrant;
using MediaVault.Application.Collections.UpdateCollection;
using MediaVault.Application.Groups.AddGroupMember;
using MediaVault.Application.Groups.ChangeGroupMemberRole;
using MediaVault.Application.Groups.CreateGroup;
using MediaVault.Application.Groups.DeleteGroup;
using MediaVault.Application.Groups.GetGroup;
using MediaVault.Application.Groups.ListGroupMembers;
using MediaVault.Application.Groups.ListGroups;
using MediaVault.Application.Groups.RemoveGroupMember;
using MediaVault.Application.Groups.UpdateGroup;
using MediaVault.Application.Identity.ForgotPassword;
using MediaVault.Application.Identity.GetMe;
using MediaVault.Application.Identity.Login;
using MediaVault.Application.Identity.Logout;
using MediaVault.Application.Identity.Refresh;
using MediaVault.Application.Identity.Register;
using MediaVault.Application.Identity.ResendVerification;
using MediaVault.Application.Identity.ResetPassword;
using MediaVault.Application.Identity.VerifyEmail;
using MediaVault.Application.Sharing;
using MediaVault.Application.Sharing.ChangeGrant;
using MediaVault.Application.Sharing.CreateGrant;
using MediaVault.Application.Sharing.CreateLink;
using MediaVault.Application.Sharing.DownloadViaLink;
using MediaVault.Application.Sharing.Drops;
using MediaVault.Application.Sharing.GetPublicLink;
using MediaVault.Application.Sharing.ListGrants;
using MediaVault.Application.Sharing.ListLinks;
using MediaVault.Application.Sharing.RevokeGrant;
using MediaVault.Application.Sharing.RevokeLink;
using MediaVault.Application.Trash.EnqueueOverduePurges;
using MediaVault.Application.Trash.ListTrash;
using MediaVault.Application.Trash.PurgeAsset;
using MediaVault.Application.Trash.PurgeTrashedAsset;
using MediaVault.Application.Trash.RestoreAsset;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Application;

public static class DependencyInjection
{
    /// <summary>Registers every use-case handler. There is no mediator: endpoints inject the handler they call.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddScoped<IAccessPaths, AccessPathsQuery>();
        services.AddScoped<AccessDecisions>();
        services.AddScoped<ExplainAccessHandler>();
        services.AddScoped<CheckAccessHandler>();
        services.AddScoped<GetAssetHandler>();
        services.AddScoped<ListAssetsHandler>();
        services.AddScoped<UploadStarter>();
        services.AddScoped<UploadedObjects>();
        services.AddScoped<RegisterAssetHandler>();
        services.AddScoped<CompleteUploadHandler>();
        services.AddScoped<StartDropHandler>();
        services.AddScoped<CompleteDropHandler>();
        services.AddScoped<UpdateAssetHandler>();
        services.AddScoped<DeleteAssetHandler>();
        services.AddScoped<DownloadAssetHandler>();
        services.AddScoped<PurgeAbandonedUploadsHandler>();
        services.AddScoped<ProcessMediaHandler>();
        services.AddScoped<GetRenditionHandler>();
        services.AddScoped<FindDuplicatesHandler>();
        services.AddScoped<ReconcileStorageHandler>();
        services.AddScoped<ListTrashHandler>();
        services.AddScoped<RestoreAssetHandler>();
        services.AddScoped<PurgeAssetHandler>();
        services.AddScoped<PurgeTrashedAssetHandler>();
        services.AddScoped<EnqueueOverduePurgesHandler>();

        services.AddScoped<RegisterHandler>();
        services.AddScoped<VerifyEmailHandler>();
        services.AddScoped<ResendVerificationHandler>();
        services.AddScoped<LoginHandler>();
        services.AddScoped<RefreshHandler>();
        services.AddScoped<LogoutHandler>();
        services.AddScoped<ForgotPasswordHandler>();
        services.AddScoped<ResetPasswordHandler>();
        services.AddScoped<GetMeHandler>();
        services.AddSharing();
        services.AddGroups();
        services.AddCollections();
        return services;
    }

    /// <summary>Collections: albums of assets shared as one, their contents, grants and activity.</summary>
    private static IServiceCollection AddCollections(this IServiceCollection services)
    {
        services.AddScoped<CreateCollectionHandler>();
        services.AddScoped<ListCollectionsHandler>();
        services.AddScoped<GetCollectionHandler>();
        services.AddScoped<UpdateCollectionHandler>();
        services.AddScoped<DeleteCollectionHandler>();
        services.AddScoped<ListCollectionAssetsHandler>();
        services.AddScoped<AddCollectionAssetsHandler>();
        services.AddScoped<RemoveCollectionAssetHandler>();
        services.AddScoped<CreateCollectionGrantHandler>();
        services.AddScoped<ListCollectionGrantsHandler>();
        services.AddScoped<ChangeCollectionGrantHandler>();
        services.AddScoped<RevokeCollectionGrantHandler>();
        services.AddScoped<ListCollectionActivityHandler>();
        return services;
    }

    /// <summary>Groups: people given access together, and their members.</summary>
    private static IServiceCollection AddGroups(this IServiceCollection services)
    {
        services.AddScoped<CreateGroupHandler>();
        services.AddScoped<ListGroupsHandler>();
        services.AddScoped<GetGroupHandler>();
        services.AddScoped<UpdateGroupHandler>();
        services.AddScoped<DeleteGroupHandler>();
        services.AddScoped<ListGroupMembersHandler>();
        services.AddScoped<AddGroupMemberHandler>();
        services.AddScoped<ChangeGroupMemberRoleHandler>();
        services.AddScoped<RemoveGroupMemberHandler>();
        return services;
    }

    /// <summary>Sharing (grants, public links), the activity log and account administration.</summary>
    private static IServiceCollection AddSharing(this IServiceCollection services)
    {
        services.AddScoped<CreateGrantHandler>();
        services.AddScoped<ListGrantsHandler>();
        services.AddScoped<ChangeGrantHandler>();
        services.AddScoped<RevokeGrantHandler>();
        services.AddScoped<CreateLinkHandler>();
        services.AddScoped<ListLinksHandler>();
        services.AddScoped<RevokeLinkHandler>();
        services.AddScoped<GetPublicLinkHandler>();
        services.AddScoped<DownloadViaLinkHandler>();
        services.AddScoped<CreateCollectionLinkHandler>();
        services.AddScoped<ListCollectionLinksHandler>();
        services.AddScoped<RevokeCollectionLinkHandler>();
        services.AddScoped<ListLinkAssetsHandler>();
        services.AddScoped<DownloadLinkAssetHandler>();
        services.AddScoped<GetLinkAssetRenditionHandler>();
        services.AddScoped<PublicLinkGate>();
        services.AddScoped<ListActivityHandler>();
        services.AddScoped<ListUsersHandler>();
        services.AddScoped<SetUserDisabledHandler>();
        return services;
    }
}
