// Saves a file the pane made (a checked workbook, the monthly report) through the browser's download.
// Excel for Mac and iPad show the pane in a WKWebView that saves nothing (office-js #2700, closed
// "by design"): there the download refuses with a plain message and the other route instead of
// pretending, so the pane never says 已下载 for a file that was not saved.

/** Thrown where the host cannot save files; carries both languages like our other errors. */
export class DownloadUnavailableError extends Error {
  readonly code = 'download-unavailable';
  readonly messageEn: string;
  constructor(fileName: string, paneUrl: string) {
    super(
      `此 Excel（Mac / iPad 版）不能从任务窗格下载文件，「${fileName}」未保存。` +
        `请在浏览器中打开 ${paneUrl} 下载，或用命令行 \`liaison report\` 从服务器取得同一文件。`,
    );
    this.messageEn =
      `This Excel (Mac / iPad) cannot save files from the task pane; "${fileName}" was not saved. ` +
      `Open ${paneUrl} in a browser to download it, or fetch the same file from the server with the \`liaison report\` command.`;
    this.name = 'DownloadUnavailableError';
  }
}

export type Download = (data: Blob, fileName: string) => void;

export function saveBlob(data: Blob, fileName: string): void {
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The download for this host: the browser's where it works, else one that says why not and what to do. */
export function downloaderFor(host: { canDownload: boolean }, paneUrl: string, save: Download = saveBlob): Download {
  if (host.canDownload) return save;
  return (_data, fileName) => {
    throw new DownloadUnavailableError(fileName, paneUrl);
  };
}
