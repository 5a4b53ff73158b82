package docspace_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"testing"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-community/terraform-provider-docspace/internal/fakeportal"
)

// bytesUpload is an upload of content held in memory (tests only).
func bytesUpload(folder int64, title string, content []byte) docspace.Upload {
	return docspace.Upload{FolderID: folder, Title: title, Size: int64(len(content)), Open: func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(content)), nil
	}}
}

// TestFileLifecycle: upload, read, find, rename, list, delete to the Trash and for good.
func TestFileLifecycle(t *testing.T) {
	ctx := context.Background()
	portal, c := newPortal(t, fakeportal.Options{})
	room := folderRoom(t, c)
	content := []byte("hello, portal")
	f, err := c.CreateFile(ctx, bytesUpload(room, "Report.DOCX", content))
	if err != nil {
		t.Fatal(err)
	}
	if f.Title != "Report.docx" || f.FolderID != room || f.Version != 1 || f.PureContentLength != int64(len(content)) || f.FileExst != ".docx" {
		t.Fatalf("created %+v", f)
	}
	if stored, ok := portal.File(f.ID); !ok || !bytes.Equal(stored.Content, content) || stored.Title != "Report.docx" {
		t.Fatalf("the portal holds %+v", stored)
	}
	if got, err := c.GetFile(ctx, f.ID); err != nil || got.Title != "Report.docx" || got.BeingEdited() || got.InTrash() {
		t.Fatalf("read %+v, %v", got, err)
	}
	if got, err := c.FindFile(ctx, room, "report.docx"); err != nil || got.ID != f.ID {
		t.Fatalf("find %+v, %v", got, err)
	}
	if _, err := c.FindFile(ctx, room, "other.docx"); !docspace.IsNotFound(err) {
		t.Fatalf("find of a missing title: %v", err)
	}
	if f, err = c.RenameFile(ctx, f.ID, "Summary"); err != nil || f.Title != "Summary.docx" {
		t.Fatalf("rename: %+v, %v", f, err)
	}
	files, err := c.ListFiles(ctx, room, "summ")
	if err != nil || len(files) != 1 || files[0].ID != f.ID {
		t.Fatalf("listing: %+v, %v", files, err)
	}
	if len(portal.AllFiles()) != 1 {
		t.Fatalf("the portal holds %+v", portal.AllFiles())
	}

	if err := c.DeleteFile(ctx, f.ID, false); err != nil {
		t.Fatal(err)
	}
	if got, err := c.GetFile(ctx, f.ID); err != nil || !got.InTrash() || got.OriginID != room {
		t.Fatalf("after a delete to the Trash: %+v, %v", got, err)
	}
	if err := c.DeleteFile(ctx, f.ID, true); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetFile(ctx, f.ID); !docspace.IsNotFound(err) {
		t.Fatalf("after a permanent delete: %v", err)
	}
	if err := c.DeleteFile(ctx, f.ID, true); err != nil {
		t.Errorf("deleting a file that is gone: %v", err)
	}
}

// TestCreateFileRefusesATakenTitle: a title a file already has, in any letter case, is refused before
// any upload, naming the file.
func TestCreateFileRefusesATakenTitle(t *testing.T) {
	ctx := context.Background()
	portal, c := newPortal(t, fakeportal.Options{})
	room := folderRoom(t, c)
	existing := portal.AddFile(room, "Plan.pdf")
	portal.ResetCounts()
	_, err := c.CreateFile(ctx, bytesUpload(room, "PLAN.PDF", []byte("x")))
	var taken *docspace.FileExistsError
	if !errors.As(err, &taken) || taken.ID != existing || taken.Title != "Plan.pdf" {
		t.Fatalf("got %v", err)
	}
	if n := portal.Counts()["POST /api/2.0/files/{id}/insert"]; n != 0 {
		t.Errorf("%d uploads", n)
	}
	if f, _ := portal.File(existing); f.Versions != 1 {
		t.Errorf("the existing file has %d versions", f.Versions)
	}
}
