package provider_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// diagnosticCalls are the calls whose arguments become a diagnostic's summary or detail, or an error's
// text that ends up in one.
var diagnosticCalls = map[string]bool{
	"AddError": true, "AddAttributeError": true, "AddWarning": true, "AddAttributeWarning": true,
	"NewErrorDiagnostic": true, "NewWarningDiagnostic": true,
	"NewAttributeErrorDiagnostic": true, "NewAttributeWarningDiagnostic": true,
	"Errorf": true, "New": true,
}

// forwardingParams are the names of string parameters through which a function of the package hands
// text on to a diagnostic (addAPIError's summary, removeGone's detail, a refusal's why).
var forwardingParams = map[string]bool{"summary": true, "detail": true, "why": true, "hint": true, "msg": true, "message": true}

// TestDiagnosticTextsHaveNoBackticks keeps Markdown out of what a person reads at a terminal: a
// diagnostic's summary and detail are plain text, so `terraform untaint` would show its backticks.
// Schema descriptions are Markdown and keep them. The test follows every string literal that reaches a
// diagnostic (directly, through a local variable, a package-level constant or variable, a function of
// the package, a function that forwards its summary or detail, or a refusal) in the provider and in the
// client, whose error texts become diagnostics.
func TestDiagnosticTextsHaveNoBackticks(t *testing.T) {
	var problems []string
	for _, dir := range []string{".", "../docspace"} {
		problems = append(problems, backtickedDiagnostics(t, dir)...)
	}
	sort.Strings(problems)
	for _, p := range problems {
		t.Error(p)
	}
	if len(problems) > 0 {
		t.Logf("diagnostics are plain text: write the name without backticks (quote a value with Go's %%q verb when it needs marking)")
	}
}

func backtickedDiagnostics(t *testing.T, dir string) []string {
	t.Helper()
	fset := token.NewFileSet()
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	decls := map[string]ast.Node{} // package-level functions, constants and variables by name
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					decls[d.Name.Name] = d
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					if vs, ok := s.(*ast.ValueSpec); ok {
						for _, n := range vs.Names {
							decls[n.Name] = vs
						}
					}
				}
			}
		}
	}
	forwarders := map[string]bool{}
	for name, d := range decls {
		if fd, ok := d.(*ast.FuncDecl); ok {
			for _, p := range fd.Type.Params.List {
				for _, n := range p.Names {
					if forwardingParams[n.Name] {
						forwarders[name] = true
					}
				}
			}
		}
	}
	seen := map[ast.Node]bool{}
	found := map[string]bool{}
	var visit func(n ast.Node)
	visit = func(n ast.Node) {
		if n == nil || seen[n] {
			return
		}
		seen[n] = true
		ast.Inspect(n, func(x ast.Node) bool {
			switch x := x.(type) {
			case *ast.BasicLit:
				if x.Kind != token.STRING {
					return false
				}
				if s, err := strconv.Unquote(x.Value); err == nil && strings.Contains(s, "`") {
					pos := fset.Position(x.Pos())
					found[pos.Filename+":"+strconv.Itoa(pos.Line)+": a diagnostic text has a backtick: "+x.Value] = true
				}
			case *ast.Ident:
				if x.Obj != nil && x.Obj.Decl != nil {
					switch d := x.Obj.Decl.(type) {
					case *ast.AssignStmt:
						for _, rhs := range d.Rhs {
							visit(rhs)
						}
					case *ast.ValueSpec, *ast.FuncDecl:
						visit(d.(ast.Node))
					}
				} else if d, ok := decls[x.Name]; ok {
					visit(d)
				}
			}
			return true
		})
	}
	for _, f := range files {
		ast.Inspect(f, func(x ast.Node) bool {
			switch x := x.(type) {
			case *ast.CallExpr:
				name := ""
				switch fun := x.Fun.(type) {
				case *ast.SelectorExpr:
					name = fun.Sel.Name
				case *ast.Ident:
					name = fun.Name
				}
				if diagnosticCalls[name] || forwarders[name] {
					for _, a := range x.Args {
						visit(a)
					}
				}
			case *ast.CompositeLit:
				if id, ok := x.Type.(*ast.Ident); ok && id.Name == "refusal" {
					visit(x)
				}
			}
			return true
		})
	}
	out := make([]string, 0, len(found))
	for p := range found {
		out = append(out, p)
	}
	return out
}
