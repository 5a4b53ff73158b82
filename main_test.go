package main

import (
	"slices"
	"testing"
	"time"

	"github.com/docspace-community/terraform-provider-docspace/internal/provider"
)

func TestQuietLogVars(t *testing.T) {
	quiet := []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER_DOCSPACE"}
	for _, tc := range []struct {
		name    string
		environ []string
		want    []string
	}{
		{"nothing set", []string{"HOME=/root", "PATH=/bin"}, quiet},
		{"only unrelated TF_LOG_ variables", []string{"TF_LOG_PATH=/tmp/tf.log", "TF_LOG_CORE=TRACE"}, quiet},
		{"empty values do not count", []string{"TF_LOG=", "TF_LOG_PROVIDER="}, quiet},
		{"TF_LOG", []string{"TF_LOG=DEBUG"}, nil},
		{"TF_LOG_PROVIDER", []string{"TF_LOG_PROVIDER=TRACE"}, nil},
		{"this provider", []string{"TF_LOG_PROVIDER_DOCSPACE=INFO"}, nil},
		{"the API subsystem", []string{"TF_LOG_PROVIDER_DOCSPACE_API=TRACE"}, nil},
		{"TF_LOG_SDK", []string{"TF_LOG_SDK=WARN"}, nil},
		{"an SDK subsystem", []string{"TF_LOG_SDK_PROTO=TRACE"}, nil},
		{"an explicit OFF is a choice too", []string{"TF_LOG_SDK_FRAMEWORK=OFF"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := quietLogVars(tc.environ); !slices.Equal(got, tc.want) {
				t.Fatalf("quietLogVars(%v) = %v, want %v", tc.environ, got, tc.want)
			}
		})
	}
}

func TestProviderLogName(t *testing.T) {
	// terraform-plugin-go names the provider logger's variable after the address's type.
	for addr, want := range map[string]string{
		"registry.terraform.io/docspace-community/docspace": "DOCSPACE",
		"registry.terraform.io/example/my-thing":            "MY_THING",
	} {
		if got := providerLogName(addr); got != want {
			t.Errorf("providerLogName(%q) = %q, want %q", addr, got, want)
		}
	}
}

func TestExitWhenLost(t *testing.T) {
	link := provider.NewLink()
	exited := make(chan int, 1)
	go exitWhenLost(link, 10*time.Millisecond, func(code int) { exited <- code })
	select {
	case <-exited:
		t.Fatal("the process ended while Terraform was there")
	case <-time.After(50 * time.Millisecond):
	}
	link.MarkLost()
	select {
	case code := <-exited:
		if code == 0 {
			t.Errorf("exit status %d after a lost connection, want non-zero", code)
		}
	case <-time.After(time.Second):
		t.Fatal("the process did not end after the connection to Terraform was lost")
	}
}
