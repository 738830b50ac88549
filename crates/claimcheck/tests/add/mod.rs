//! `add` writes only inside the fixtures folder: bad names and symbolic links are refused with
//! nothing created, and an existing pair is kept unless `--force`.

use crate::util::{fixture, tree, Env, PAIR};
use std::path::PathBuf;

/// Inputs for `add`, outside the fixtures folder.
fn inputs(env: &Env) -> (PathBuf, PathBuf) {
    (
        env.write("in/primary.txt", fixture(PAIR, "primary.txt")),
        env.write("in/secondary.txt", fixture(PAIR, "secondary.txt")),
    )
}

#[test]
fn bad_names_are_refused_and_nothing_is_created() {
    let env = Env::new();
    let (p, s) = inputs(&env);
    let before = tree(env.root());
    let names = [
        "a/b",
        "../escape",
        "..",
        "a..b",
        "a\\b",
        "..\\escape",
        ".hidden",
        ".",
        "",
        "tab\there",
        "new\nline",
        "bell\u{7}",
        "esc\u{1b}[31m",
        "del\u{7f}",
        "/abs",
        "sp ace",
        "index",
        "discrepancies",
        &"x".repeat(101),
    ];
    for name in names {
        let ran = env
            .cmd()
            .arg("add")
            .arg(name)
            .arg(&p)
            .arg(&s)
            .args(["--fixtures", "fx"])
            .run();
        ran.code(2).stderr_has(&["pair name"]);
        // Nothing at all was created: not the fixtures folder, nothing beside it.
        assert_eq!(tree(env.root()), before, "{name:?}");
        assert!(!env.path("fx").exists(), "{name:?}");
        assert!(!env.path("escape").exists(), "{name:?}");
    }
    // A good name works.
    env.cmd()
        .args(["add", "harbour_2026.v2"])
        .arg(&p)
        .arg(&s)
        .args(["--fixtures", "fx"])
        .run()
        .code(0);
    assert!(env.path("fx/harbour_2026.v2/pair.toml").is_file());
}

#[test]
fn bad_inputs_create_nothing() {
    let env = Env::new();
    let (p, s) = inputs(&env);
    let pdf = env.write("in/doc.pdf", b"%PDF-1.7\n");
    let empty = env.write("in/empty.txt", "");
    for (a, b) in [(&pdf, &s), (&p, &empty), (&p, &env.path("in/missing.txt"))] {
        let ran = env
            .cmd()
            .args(["add", "pair"])
            .arg(a)
            .arg(b)
            .args(["--fixtures", "fx"])
            .run();
        ran.code(2);
        assert!(!env.path("fx").exists());
    }
}

#[cfg(unix)]
#[test]
fn symlinks_are_not_followed_out_of_the_fixtures_folder() {
    use std::os::unix::fs::symlink;
    let env = Env::new();
    let (p, s) = inputs(&env);
    let outside = env.path("outside");
    std::fs::create_dir(&outside).expect("mkdir");
    std::fs::create_dir(env.path("fx")).expect("mkdir");

    // fixtures/NAME is a link to a folder elsewhere: refused, with or without --force.
    symlink(&outside, env.path("fx/linked")).expect("symlink");
    for force in [false, true] {
        let mut cmd = env.cmd().args(["add", "linked"]).arg(&p).arg(&s);
        cmd = cmd.args(["--fixtures", "fx"]);
        if force {
            cmd = cmd.arg("--force");
        }
        cmd.run().code(2).stderr_has(&["linked", "symbolic link"]);
        assert_eq!(
            std::fs::read_dir(&outside).expect("read").count(),
            0,
            "nothing written outside"
        );
    }
    // A dangling link is refused too, and not created through.
    symlink(env.path("nowhere"), env.path("fx/dangling")).expect("symlink");
    env.cmd()
        .args(["add", "dangling"])
        .arg(&p)
        .arg(&s)
        .args(["--fixtures", "fx", "--force"])
        .run()
        .code(2);
    assert!(!env.path("nowhere").exists());

    // The fixtures folder itself is a link: refused.
    symlink(&outside, env.path("fx-link")).expect("symlink");
    env.cmd()
        .args(["add", "pair"])
        .arg(&p)
        .arg(&s)
        .args(["--fixtures", "fx-link"])
        .run()
        .code(2)
        .stderr_has(&["fx-link", "symbolic link"]);
    assert_eq!(std::fs::read_dir(&outside).expect("read").count(), 0);

    // Files of an existing pair that link elsewhere are replaced, never written through.
    env.cmd()
        .args(["add", "real"])
        .arg(&p)
        .arg(&s)
        .args(["--fixtures", "fx"])
        .run()
        .code(0);
    let victim = env.write("outside/victim.txt", "do not touch");
    let linked = env.path("fx/real/primary.txt");
    std::fs::remove_file(&linked).expect("rm");
    symlink(&victim, &linked).expect("symlink");
    env.cmd()
        .args(["add", "real"])
        .arg(&p)
        .arg(&s)
        .args(["--fixtures", "fx", "--force"])
        .run()
        .code(0);
    assert_eq!(std::fs::read(&victim).expect("read"), b"do not touch");
    assert!(!std::fs::symlink_metadata(&linked)
        .expect("stat")
        .file_type()
        .is_symlink());
    assert_eq!(
        std::fs::read(&linked).expect("read"),
        fixture(PAIR, "primary.txt")
    );
}

#[test]
fn an_existing_pair_is_kept_unless_forced() {
    let env = Env::new();
    let (p, s) = inputs(&env);
    let add = |force: bool| {
        let mut cmd = env
            .cmd()
            .args(["add", "pair"])
            .arg(&p)
            .arg(&s)
            .args(["--fixtures", "fx"]);
        if force {
            cmd = cmd.arg("--force");
        }
        cmd.run()
    };
    let ran = add(false);
    ran.code(0);
    assert!(ran.stdout_text().contains("added pair pair"));
    // The starter pair.toml is valid: batch checks the new pair.
    env.cmd()
        .args(["batch", "--fixtures", "fx", "--out", "out"])
        .run()
        .code(0);
    // Edit the pair; adding it again without --force keeps every byte.
    env.write("fx/pair/pair.toml", "title = \"edited by hand\"\n");
    env.write("fx/pair/notes.md", "mine");
    let before = tree(&env.path("fx"));
    add(false)
        .code(2)
        .stderr_has(&["pair", "already exists", "--force"]);
    assert_eq!(tree(&env.path("fx")), before);
    // With --force the pair's files are replaced; other files in its folder are left alone.
    add(true).code(0);
    let after = tree(&env.path("fx"));
    assert_ne!(after["pair/pair.toml"], before["pair/pair.toml"]);
    assert_eq!(after["pair/notes.md"], b"mine");
    // A file where the pair's folder would be is never replaced.
    env.write("fx/file", "a file");
    let mut cmd = env.cmd().args(["add", "file"]).arg(&p).arg(&s);
    cmd = cmd.args(["--fixtures", "fx", "--force"]);
    cmd.run().code(2).stderr_has(&["not a folder"]);
    assert_eq!(env.read("fx/file"), b"a file");
}

#[test]
fn added_files_are_utf8_whatever_the_input_encoding() {
    let env = Env::new();
    let text = String::from_utf8(fixture(PAIR, "primary.txt")).expect("UTF-8");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let p = env.write("in/p16.txt", utf16);
    let s = env.write("in/secondary.txt", fixture(PAIR, "secondary.txt"));
    env.cmd()
        .args(["add", "u16"])
        .arg(&p)
        .arg(&s)
        .args(["--fixtures", "fx"])
        .run()
        .code(0);
    assert_eq!(env.read("fx/u16/primary.txt"), text.as_bytes());
}
