//! Finding a guest at the desk by the start of a name, its pinyin or initials, or a phone number:
//! the answers a receptionist expects, sorted by name, at most 50.

use innkeep_core::guests::{self, NewGuest};
use innkeep_tests::{fresh_db, hotel, t0};

#[tokio::test]
async fn guests_are_found_by_name_pinyin_initials_and_phone() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    for (name, phone) in [
        ("张伟", "13800138000"),
        ("张三丰", "13900139000"),
        ("王芳", "13711112222"),
        ("James Smith", "+44 20 7946 0000"),
    ] {
        let g = NewGuest {
            name: name.into(),
            phone: phone.into(),
            ..Default::default()
        };
        guests::create(&t.db.conn, t0(), &admin, &g).await.unwrap();
    }
    let names = |found: Vec<guests::GuestView>| -> Vec<String> {
        found.into_iter().map(|g| g.name).collect()
    };
    let find = |text: &'static str| guests::search(&t.db.conn, &admin, text);
    assert_eq!(names(find("张").await.unwrap()), ["张三丰", "张伟"]);
    assert_eq!(names(find("zhangw").await.unwrap()), ["张伟"]);
    assert_eq!(
        names(find("ZW").await.unwrap()),
        ["张伟"],
        "initials, any case"
    );
    assert_eq!(names(find("wang").await.unwrap()), ["王芳"]);
    assert_eq!(names(find("137").await.unwrap()), ["王芳"]);
    assert_eq!(names(find("James").await.unwrap()), ["James Smith"]);
    assert_eq!(
        names(find("james").await.unwrap()),
        ["James Smith"],
        "by its pinyin column"
    );
    assert!(find("李").await.unwrap().is_empty());
    assert!(find("  ").await.unwrap().is_empty());
}
