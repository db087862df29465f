//! `certs`: a compliance evidence catalog.
//!
//! Data flows one way: files ([`catalog`]) are parsed into typed entries ([`model`]),
//! checked ([`validate`]), filtered ([`query`]) and written by one renderer per
//! format ([`render`]). The command line ([`cli`]) and its dispatch ([`app`]) sit on top.

pub mod app;
pub mod catalog;
pub mod cli;
pub mod config;
pub mod diff;
pub mod model;
pub mod problem;
pub mod query;
pub mod region;
pub mod render;
pub mod validate;
pub mod views;
