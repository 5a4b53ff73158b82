// Command uploadbench uploads one file with the client's CreateFile, to measure its memory and
// throughput against other uploaders:
//
//	go run ./internal/cmd/uploadbench -host http://127.0.0.1:8080 -key sk-… -folder 1234 -file ./big.bin
//
// It prints the new file's id, the bytes the portal reports, and the time the upload took. The key may
// also come from DOCSPACE_API_KEY, which keeps it out of the process list.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"time"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "uploadbench:", err)
		os.Exit(1)
	}
}

func run(args []string, out io.Writer) error {
	flags := flag.NewFlagSet("uploadbench", flag.ContinueOnError)
	host := flags.String("host", os.Getenv("DOCSPACE_API_HOST"), "the portal's URL (default: $DOCSPACE_API_HOST)")
	key := flags.String("key", "", "the API key (default: $DOCSPACE_API_KEY)")
	folder := flags.Int64("folder", 0, "the id of the room or folder to upload into")
	path := flags.String("file", "", "the file to upload")
	title := flags.String("title", "", "the title to give it (default: the file's name)")
	timeout := flags.Duration("timeout", 30*time.Minute, "give up after this long")
	if err := flags.Parse(args); err != nil {
		return err
	}
	if *key == "" {
		*key = os.Getenv("DOCSPACE_API_KEY")
	}
	switch {
	case *host == "" || *key == "" || *folder == 0 || *path == "":
		flags.Usage()
		return errors.New("-host, -key, -folder and -file are required")
	case *title == "":
		*title = filepath.Base(*path)
	}
	info, err := os.Stat(*path)
	if err != nil {
		return err
	}
	c, err := docspace.New(docspace.Config{Host: *host, APIKey: *key, UserAgent: "uploadbench", MaxRetries: 3})
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	up := docspace.Upload{FolderID: *folder, Title: *title, Size: info.Size(), Open: func() (io.ReadCloser, error) {
		return os.Open(*path) // an *os.File: chunks are read as sections of it
	}}
	start := time.Now()
	f, err := c.CreateFile(ctx, up)
	if err != nil {
		return err
	}
	took := time.Since(start)
	_, err = fmt.Fprintf(out, "id=%d bytes=%d title=%q seconds=%.3f mib_per_second=%.1f\n", f.ID, f.PureContentLength, f.Title,
		took.Seconds(), float64(info.Size())/(1<<20)/took.Seconds())
	return err
}
