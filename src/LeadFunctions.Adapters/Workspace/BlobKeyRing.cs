using System.Xml.Linq;
using Azure;
using Azure.Storage.Blobs;
using LeadFunctions.Adapters.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace LeadFunctions.Adapters.Workspace;

/// <summary>
/// The data-protection key ring that signs workspace sessions and anti-forgery tokens, one blob per key in the app's
/// storage account: every instance of the function app, and a restarted one, reads the same keys, so a session
/// signed on one instance opens on another. ASP.NET Core creates, rotates (every 90 days) and expires the keys; this
/// only keeps them.
/// </summary>
internal sealed class BlobKeyRing(BlobServiceClient blobs, StorageNames names) : IXmlRepository
{
    public const string ContainerName = "workspace-keys";

    private BlobContainerClient Container => blobs.GetBlobContainerClient(names.Container(ContainerName));

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var container = Container;
        try
        {
            return
            [
                .. container
                    .GetBlobs()
                    .Select(item =>
                        XElement.Parse(container.GetBlobClient(item.Name).DownloadContent().Value.Content.ToString())
                    ),
            ];
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        var container = Container;
        container.CreateIfNotExists();
        container
            .GetBlobClient($"{friendlyName}.xml")
            .Upload(BinaryData.FromString(element.ToString()), overwrite: true);
    }
}
